"""Placeholder."""

import streamlit as st

st.title("duur_en_signalen")
