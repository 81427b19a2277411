"""The presentation mode's stage: one fixed 1920×1080 page (16:9) scaled to whatever screen shows
it, so a step that fits the shared screen fits a laptop too, and keys a presenter's clicker sends
(→, PageDown, Space; ←, PageUp; Home, End) move through the steps.

The page lays a step out for 1920×1080; this module gives it the room it has (`hoogte_over`) and
the frame: chrome hidden, the stage scaled by the browser (a CSS transform, set by a small script), a
navigation bar at the bottom whose buttons the keys press.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard.i18n import t

BREEDTE, HOOGTE = 1920, 1080
#: The stage's margins (px) and the room the navigation bar takes at the bottom.
MARGE_ZIJ, MARGE_BOVEN, BALK = 64, 30, 92
#: The width (stage px) of the stage's content: a chart is drawn at exactly this width.
INHOUD_BREEDTE = BREEDTE - 2 * MARGE_ZIJ
#: Type sizes on the stage (px): the step's title (the finding), its subtitle, body text.
TITEL_PX, ONDERTITEL_PX, TEKST_PX = 50, 26, 28
#: The keys of the navigation buttons (the script clicks them).
KNOPPEN = {
    "volgende": "podium_volgende",
    "vorige": "podium_vorige",
    "eerste": "podium_eerste",
    "laatste": "podium_laatste",
}
#: The stage is active when this container is on the page (the script looks for its class).
MARKERING = "podium_actief"
#: The key of the container a chart on the stage is drawn in (`with st.container(key=GRAFIEK)`).
GRAFIEK = "podium_grafiek"

_CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stBottom"] {{ display: none !important; }}
html, body, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{ overflow: hidden !important; }}
[data-testid="stMain"] {{ padding: 0 !important; background: #FFFFFF; }}
[data-testid="stMainBlockContainer"] {{
  width: {BREEDTE}px !important; min-width: {BREEDTE}px !important; max-width: none !important;
  height: {HOOGTE}px !important; min-height: {HOOGTE}px !important; max-height: {HOOGTE}px !important;
  overflow: hidden !important; flex: none !important;
  box-sizing: border-box !important; position: fixed !important; left: 0 !important;
  top: 0 !important; margin: 0 !important;
  padding: {MARGE_BOVEN}px {MARGE_ZIJ}px {BALK}px {MARGE_ZIJ}px !important;
}}
[data-testid="stMainBlockContainer"] h1 {{
  font-size: {TITEL_PX}px !important; line-height: 1.15 !important; padding: 0 0 4px 0 !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] p {{
  font-size: {ONDERTITEL_PX}px !important; line-height: 1.3 !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] li {{
  font-size: {TEKST_PX}px !important; line-height: 1.35 !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] h3 {{
  font-size: 34px !important; line-height: 1.2 !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] {{ font-size: 80px !important; }}
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {{
  font-size: 80px !important; line-height: 1.2 !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {{
  font-size: 30px !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p {{
  font-size: 30px !important;
}}
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] * {{ font-size: 64px !important; }}
[data-testid="stMainBlockContainer"] [data-testid="stMetricLabel"] p {{ font-size: 26px !important; }}
[data-testid="stMainBlockContainer"] [data-testid="stMetricDelta"] * {{ font-size: 24px !important; }}
[data-testid="stMainBlockContainer"] label p, [data-testid="stMainBlockContainer"] button p,
[data-testid="stMainBlockContainer"] [data-baseweb="select"] * {{ font-size: 22px !important; }}
[data-testid="stMainBlockContainer"] .st-key-podium_kopregel p {{
  font-size: 20px !important; color: #535353 !important; margin: 0 !important;
}}
/* Streamlit sizes a chart to its frame's on-screen width and its own on-screen height
   (getBoundingClientRect), which the stage's transform has scaled by z: drawn at that size and
   scaled again, a chart filled 0,71 of the stage's width at 1366×768. The frame is made 1/z as
   wide and the chart 1/z as high (taken back by a negative margin; the script sets
   --vz-schaal, `grafiek` the chart's height --vz-hoogte), so what is measured is the size in
   stage px; the parent clips the empty rest. */
.st-key-{GRAFIEK} [data-testid="stElementContainer"] {{ overflow: hidden !important; }}
.st-key-{GRAFIEK} [data-testid="stFullScreenFrame"] {{
  width: calc({INHOUD_BREEDTE}px / var(--vz-schaal, 1)) !important; max-width: none !important;
}}
.st-key-{GRAFIEK} [data-testid="stPlotlyChart"] {{
  --vz-rest: calc(var(--vz-hoogte, 0px) / var(--vz-schaal, 1) - var(--vz-hoogte, 0px));
  height: calc(var(--vz-hoogte, 0px) + var(--vz-rest)) !important;
  margin-bottom: calc(-1 * var(--vz-rest)) !important;
}}
.st-key-podium_balk {{
  position: absolute !important; left: {MARGE_ZIJ}px; right: {MARGE_ZIJ}px; bottom: 18px;
  width: auto !important; border-top: 1px solid #C8C8C8; padding-top: 12px;
}}
.st-key-podium_balk [data-testid="stMarkdownContainer"] p {{
  font-size: 22px !important; text-align: center; margin: 0.35rem 0 0 0;
}}
</style>
"""

# The script runs once per page load in the app's document (st.html): it scales the stage to the
# window (a transform keeps the layout at 1920×1080 and centres it), and turns the clicker's keys
# into clicks on the navigation buttons. It does nothing when the stage is not on the page.
_SCRIPT = """
<script>
(function () {
  if (window.__vzPodium) { window.__vzPodium(); return; }
  const W = %(breedte)d, H = %(hoogte)d;
  const actief = () => document.querySelector('.st-key-%(markering)s') !== null;
  function schaal() {
    const el = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!el) return;
    if (!actief()) {
      if (el.style.transform) {
        el.style.transform = ''; el.style.transformOrigin = ''; el.style.removeProperty('--vz-schaal');
      }
      return;
    }
    // a transform, not CSS zoom: the stage keeps its 1920×1080 layout box; --vz-schaal lets a
    // chart's frame undo the scale in what Streamlit measures (see the CSS), so it is scaled once
    const z = Math.min(window.innerWidth / W, window.innerHeight / H);
    const links = Math.max(0, (window.innerWidth - W * z) / 2);
    const boven = Math.max(0, (window.innerHeight - H * z) / 2);
    const waarde = 'translate(' + links + 'px, ' + boven + 'px) scale(' + z + ')';
    if (el.style.transform !== waarde) {
      el.style.transformOrigin = '0 0';
      el.style.transform = waarde;
      el.style.setProperty('--vz-schaal', String(z));
      el.dataset.schaal = String(z);
    }
  }
  function klik(naam) {
    const knop = document.querySelector('.st-key-' + naam + ' button');
    if (knop && !knop.disabled) { knop.click(); return true; }
    return false;
  }
  const toetsen = {
    ArrowRight: '%(volgende)s', PageDown: '%(volgende)s', ' ': '%(volgende)s',
    ArrowLeft: '%(vorige)s', PageUp: '%(vorige)s',
    Home: '%(eerste)s', End: '%(laatste)s',
  };
  document.addEventListener('keydown', function (e) {
    if (!actief() || e.altKey || e.ctrlKey || e.metaKey) return;
    const doel = e.target;
    if (doel && (doel.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(doel.tagName))) return;
    const naam = toetsen[e.key];
    if (!naam) return;
    e.preventDefault();
    e.stopPropagation();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    klik(naam);
  }, true);
  window.addEventListener('resize', schaal);
  let gepland = false;
  new MutationObserver(function () {
    if (gepland) return;
    gepland = true;
    requestAnimationFrame(function () { gepland = false; schaal(); });
  }).observe(document.body, { childList: true, subtree: true });
  window.__vzPodium = schaal;
  schaal();
})();
</script>
"""


def begin() -> None:
    """Put the page on the stage (call first, before the step draws)."""
    st.html(_CSS)
    st.container(key=MARKERING, height=1, border=False)
    st.html(
        _SCRIPT % {"breedte": BREEDTE, "hoogte": HOOGTE, "markering": MARKERING, **KNOPPEN},
        unsafe_allow_javascript=True,
    )


@contextmanager
def grafiek(hoogte: int) -> Iterator[None]:
    """The container a chart `hoogte` stage px high is drawn in on the stage: it is measured at
    stage size, so it fills the stage's width at every window size (see the CSS)."""
    with st.container(key=GRAFIEK):
        st.html(f"<style>.st-key-{GRAFIEK} {{ --vz-hoogte: {int(hoogte)}px; }}</style>")
        yield


def regels(tekst: str, px: int, breedte: int = INHOUD_BREEDTE) -> int:
    """How many lines `tekst` takes at `px` in a column of `breedte` px (Source Sans: about half
    an em per character, word-wrapped)."""
    if not tekst:
        return 0
    per_regel = max(int(breedte / (0.52 * px)), 10)
    aantal, rij = 1, 0
    for woord in tekst.split():
        if rij and rij + 1 + len(woord) > per_regel:
            aantal, rij = aantal + 1, len(woord)
        else:
            rij += len(woord) + (1 if rij else 0)
    return aantal


def lijst_hoogte(punten: list[str]) -> int:
    """The room (px) a bulleted list of points takes on the stage."""
    if not punten:
        return 0
    regel = TEKST_PX * 1.35
    return (
        int(sum(regels(p, TEKST_PX, BREEDTE - 2 * MARGE_ZIJ - 48) * regel + 6 for p in punten)) + 24
    )


def hoogte_over(titel: str, ondertitel: str, *, extra: int = 0) -> int:
    """The room (px) left on the stage for a step's body under its title and subtitle; `extra`
    is what else the step puts there (points, a row of controls)."""
    kop = 34  # the line above the title
    kop += math.ceil(regels(titel, TITEL_PX) * TITEL_PX * 1.15) + 20
    kop += math.ceil(regels(ondertitel, ONDERTITEL_PX) * ONDERTITEL_PX * 1.3) + (
        16 if ondertitel else 0
    )
    return max(HOOGTE - MARGE_BOVEN - BALK - kop - extra - 24, 240)


def balk(
    nummer: int,
    totaal: int,
    naam: str,
    ga_naar: Callable[[int], None],
    stop: Callable[[], None],
    taal: str,
) -> None:
    """The navigation bar at the bottom of the stage: first, previous, where we are, next, last,
    and stop. The keys press these buttons."""
    with st.container(key="podium_balk"):
        kolommen = st.columns([0.6, 1.2, 3.6, 1.2, 0.6, 1.2], vertical_alignment="center")
        kolommen[0].button(
            "", icon=":material/first_page:", key=KNOPPEN["eerste"], on_click=ga_naar, args=(1,), disabled=nummer == 1,
            help=t("Eerste stap (Home)", taal), width="stretch",
        )  # fmt: skip
        kolommen[1].button(
            "← " + t("Vorige", taal), key=KNOPPEN["vorige"], on_click=ga_naar, args=(nummer - 1,),
            disabled=nummer == 1, help=t("Vorige stap (←, PageUp)", taal), width="stretch",
        )  # fmt: skip
        kolommen[2].markdown(f"{t('Stap', taal)} {nummer} / {totaal} · {naam}")
        kolommen[3].button(
            t("Volgende", taal) + " →", key=KNOPPEN["volgende"], on_click=ga_naar,
            args=(nummer + 1,), disabled=nummer == totaal, type="primary",
            help=t("Volgende stap (→, PageDown, spatie)", taal), width="stretch",
        )  # fmt: skip
        kolommen[4].button(
            "", icon=":material/last_page:", key=KNOPPEN["laatste"], on_click=ga_naar, args=(totaal,),
            disabled=nummer == totaal, help=t("Laatste stap (End)", taal), width="stretch",
        )  # fmt: skip
        kolommen[5].button(
            t("Stoppen", taal), key="podium_stop", on_click=stop, help=t("Presentatie stoppen", taal),
            icon=":material/close_fullscreen:", width="stretch",
        )  # fmt: skip
