"""Streamlit building blocks shared by app.py and the pages (state, cached data, components)."""
