"""Verzuimzicht: sickness-absence dashboard for Dutch government organisations."""
