"""Exports: Excel workbooks, chart images and PowerPoint decks (same numbers as the screen)."""
