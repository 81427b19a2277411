"""`make bench`: speed and memory at central-government scale (numbers printed, never asserted)."""
