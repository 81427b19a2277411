"""The app's own layout rules (CSS), one place: readable on a 1366×768 laptop and a 1920×1080
shared screen, nothing cut off."""

from __future__ import annotations

import streamlit as st

#: Every page: headings that scale with the screen, card labels and deltas that wrap instead of
#: being cut, whole unit names in the option lists, slimmer margins on a laptop.
ALGEMEEN = """
<style>
h1 { font-size: clamp(1.7rem, 2.1vw, 2.6rem) !important; line-height: 1.2 !important; }
[data-testid="stMetricLabel"] *, [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  word-break: normal !important; overflow-wrap: normal !important; hyphens: manual !important;
}
[data-testid="stMetricLabel"] { height: auto !important; }
[role="listbox"] { min-width: 24rem !important; }
[role="listbox"] [role="option"], [role="listbox"] [role="option"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
@media (max-width: 1500px) {
  [data-testid="stMetricLabel"] p { font-size: 0.8rem !important; }
  [data-testid="stMetricValue"] { font-size: 2rem !important; }
  .block-container, [data-testid="stMainBlockContainer"] {
    padding-left: 2rem !important; padding-right: 2rem !important; padding-top: 2.5rem !important;
  }
}
</style>
"""


def toepassen() -> None:
    """Apply the layout rules (once per run, before the page draws)."""
    st.html(ALGEMEEN)
