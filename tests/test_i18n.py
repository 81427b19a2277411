"""One translation mechanism (gettext catalogues), complete for English, and no language branches."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from dashboard import format as fmt
from dashboard.i18n import N_, catalogus, t, tn

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"t": (1,), "tn": (1, 2), "N_": (1,)}
BRONNEN = [ROOT / "dashboard", ROOT / "pages"]


def teksten() -> dict[str, str]:
    """Every text the code marks for translation, with where it stands (the same extraction as
    `make vertalingen`: dashboard.i18n.extraheer reads the syntax tree, f-strings included)."""
    gevonden: dict[str, str] = {}
    for map_, patroon in (
        (ROOT / "dashboard", "**.py"),
        (ROOT / "pages", "**.py"),
        (ROOT, "app.py"),
    ):
        for bestand, regel, bericht, _, _ in extract_from_dir(
            str(map_),
            method_map=[(patroon, "dashboard.i18n:extraheer")],
            keywords=KEYWORDS,
            strip_comment_tags=True,
        ):
            # a plural (tn) is one catalogue entry, found by its singular
            tekst = bericht[0] if isinstance(bericht, tuple) else bericht
            gevonden.setdefault(tekst, f"{map_.name}/{bestand}:{regel}")
    return gevonden


def test_elke_tekst_heeft_een_engelse_vertaling():
    cat = catalogus("en")
    ontbreekt = [
        f"{w}: {x!r}"
        for x, w in teksten().items()
        if x not in cat
        or not (all(cat[x].string) if isinstance(cat[x].string, tuple) else cat[x].string)
    ]
    assert not ontbreekt, f"{len(ontbreekt)} teksten zonder Engels:\n" + "\n".join(ontbreekt[:60])


def test_vertalingen_houden_dezelfde_invulplekken():
    fout = []
    for bericht in catalogus("en"):
        if not bericht.id:
            continue
        bron = bericht.id if isinstance(bericht.id, tuple) else (bericht.id,)
        doel = bericht.string if isinstance(bericht.string, tuple) else (bericht.string,)
        velden = {f for b in bron for _, f, _, _ in string.Formatter().parse(b) if f}
        for d in doel:
            if {f for _, f, _, _ in string.Formatter().parse(d) if f} != velden:
                fout.append(f"{bron[0]!r} -> {d!r}")
    assert not fout, "\n".join(fout)


def test_geen_taalkeuze_in_de_code():
    """No `taal == "en"` (or `if nl`, or `_en` fields): every text goes through the catalogue."""
    patroon = re.compile(
        r"""taal\s*[!=]=\s*["'](en|nl)["']|\bif (en|nl|engels)\b|\b(en|nl|engels)\s*=\s*\w*taal\b|"""
        r"""\w+_en\b\s*[:=]|\bname_en\b|\bexplanation_en\b"""
    )
    fout = []
    for map_ in BRONNEN:
        for pad in sorted(map_.rglob("*.py")):
            if pad.name == "i18n.py":
                continue
            for nr, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
                if patroon.search(regel):
                    fout.append(f"{pad.relative_to(ROOT)}:{nr}: {regel.strip()}")
    assert not fout, "\n".join(fout)


def test_geen_fstring_in_een_vertaling():
    """t(f"...") or t("a" if x else "b") cannot be extracted: the text must be a literal with
    {fields} (or a name for a text marked with N_ where it is defined)."""
    fout = []
    for map_ in BRONNEN:
        for pad in sorted(map_.rglob("*.py")):
            for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
                if (
                    isinstance(knoop, ast.Call)
                    and isinstance(knoop.func, ast.Name)
                    and knoop.func.id in KEYWORDS
                    and knoop.args
                    and not isinstance(
                        knoop.args[0],
                        ast.Constant | ast.Name | ast.Attribute | ast.Subscript | ast.Call,
                    )
                ):
                    fout.append(f"{pad.relative_to(ROOT)}:{knoop.lineno}")
    assert not fout, "\n".join(fout)


def test_vertalen_en_meervoud():
    assert t("Verzuimpercentage", "en") == "Absence rate"
    assert t("Verzuimpercentage", "nl") == "Verzuimpercentage"
    assert t("groep te klein om te tonen (< {n})", "en", n=10) == "group too small to show (< 10)"
    een, meer = (
        "Hulpbronnen (gemiddelde van {n} schaal)",
        "Hulpbronnen (gemiddelde van {n} schalen)",
    )
    assert tn(een, meer, 1, "nl") == "Hulpbronnen (gemiddelde van 1 schaal)"
    assert tn(een, meer, 4, "nl") == "Hulpbronnen (gemiddelde van 4 schalen)"
    assert tn(een, meer, 4, "en") == "Job resources (mean of 4 scales)"
    assert tn(een, meer, 1, "en") == "Job resources (mean of 1 scale)"
    assert N_("Bezetting") == "Bezetting"


@pytest.mark.parametrize(
    "taal, getal, datum, maand, lang",
    [
        ("nl", "1.234,5", "31-10-2026", "okt 2026", "oktober 2026"),
        ("en", "1,234.5", "31 Oct 2026", "Oct 2026", "October 2026"),
    ],
)
def test_getallen_en_data_via_babel(taal, getal, datum, maand, lang):
    import datetime as dt

    from dashboard.periods import Maand

    assert fmt.getal(1234.5, 1, taal) == getal
    assert fmt.datum(dt.date(2026, 10, 31), taal) == datum
    assert fmt.maand(Maand(2026, 10), taal) == maand
    assert fmt.maand(Maand(2026, 10), taal, lang=True) == lang
    assert fmt.procent(5.34, 1, taal) == ("5,3%" if taal == "nl" else "5.3%")
    assert fmt.verschil(-1.23, 1, "", taal) == ("−1,2" if taal == "nl" else "−1.2")
