"""English translations per view: each module defines `EN = {"Dutch text": "English text"}`."""
