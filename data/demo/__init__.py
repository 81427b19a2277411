"""The fictional demo client: its extracts and their generator."""
