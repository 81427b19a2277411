"""The app's own layout rules (CSS), one place: readable on a 1366×768 laptop and a 1920×1080
shared screen, nothing cut off."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t

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
/* a row of choices (pills, segmented controls) wraps on a laptop instead of cutting the last off */
[data-testid="stButtonGroup"] div { flex-wrap: wrap !important; }
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


#: Streamlit writes the file uploader's button ('Upload') and its limit ('500MB per file') in
#: English whatever the language: the texts are replaced by ours (CSS cannot translate, but it
#: can hide a text and show another one in its place).
_UPLOADER = """
<style>
[data-testid="stFileUploaderDropzone"] button {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] button * {{ display: none !important; }}
[data-testid="stFileUploaderDropzone"] button::after {{
  content: "{knop}"; font-size: 1rem; line-height: 1.6;
}}
[data-testid="stFileUploaderDropzoneInstructions"] * {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzoneInstructions"] div::after {{
  content: "{grens}"; font-size: 0.875rem; color: rgba(49, 51, 63, 0.6);
}}
</style>
"""


def toepassen(taal: str = "nl") -> None:
    """Apply the layout rules (once per run, before the page draws)."""
    st.html(ALGEMEEN)
    mb = int(st.get_option("server.maxUploadSize"))
    st.html(
        _UPLOADER.format(
            knop=_css_tekst(t("Bestanden kiezen", taal)),
            grens=_css_tekst(
                t("Sleep bestanden hierheen · hooguit {mb} MB per bestand", taal, mb=mb)
            ),
        )
    )


def _css_tekst(tekst: str) -> str:
    """A text safe inside a CSS string."""
    return tekst.replace("\\", "\\\\").replace('"', '\\"').replace("<", "").replace(">", "")
