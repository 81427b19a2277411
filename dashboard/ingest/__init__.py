"""Reading extracts: files to validated frames, refusals, and the all-or-nothing import."""
