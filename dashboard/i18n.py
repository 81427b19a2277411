"""Interface language: one mechanism, gettext catalogues (DESIGN 1: Dutch by default, English on a
switch).

The Dutch text in the code is the source (the gettext msgid); `locale/en/LC_MESSAGES/*.po` holds
its English. Babel reads the catalogues (compiled in memory once per process, so a stale `.mo`
can never be served) and extracts new texts from the code (`make vertalingen`, keywords `t`,
`tn` and `N_`). Placeholders use `{name}`; plurals use `tn` (ngettext).

    t("Verzuimpercentage", taal)                       -> "Absence rate"
    tn("{n} melding", "{n} meldingen", 3, taal)        -> "3 reports"
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

#: Interface languages: code -> Babel locale (numbers, dates).
TALEN: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}
#: The language the texts in the code are written in.
BRONTAAL = "nl"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMEIN = "verzuimzicht"


def catalogus(taal: str) -> Catalog:
    """Every `.po` file of a language merged into one Babel catalogue."""
    samen = Catalog(locale=TALEN[taal], domain=DOMEIN)
    for pad in sorted((LOCALE_DIR / taal / "LC_MESSAGES").glob("*.po")):
        with pad.open("rb") as f:
            for bericht in read_po(f, locale=TALEN[taal]):
                # an untranslated entry (e.g. one `pybabel update` added) never hides a
                # translation from another file
                vertaald = (
                    all(bericht.string) if isinstance(bericht.string, tuple) else bericht.string
                )
                if bericht.id and vertaald:
                    samen[bericht.id] = bericht
    return samen


@cache
def _vertalingen(taal: str) -> gettext.NullTranslations:
    if taal == BRONTAAL or taal not in TALEN:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalogus(taal))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def taal_of_standaard(taal: str | None) -> str:
    """A known language code, else the source language."""
    return taal if taal in TALEN else BRONTAAL


#: Texts asked for in another language that the catalogue does not have (checked by the tests
#: after rendering every page in English: a text shown through a variable escapes extraction).
ONTBREKEND: set[str] = set()


def t(tekst: str, taal: str = BRONTAAL, **waarden: object) -> str:
    """The text in the chosen language, with `{name}` placeholders filled in."""
    uit = _vertalingen(taal).gettext(tekst)
    if uit is tekst and taal != BRONTAAL and tekst.strip():
        ONTBREKEND.add(tekst)
    return uit.format(**waarden) if waarden else uit


def tn(enkelvoud: str, meervoud: str, n: float, taal: str = BRONTAAL, **waarden: object) -> str:
    """Singular or plural by `n` (gettext's ngettext); `{n}` is filled in with `n` unless given."""
    uit = _vertalingen(taal).ngettext(enkelvoud, meervoud, int(n) if float(n).is_integer() else 2)
    return uit.format(**{"n": n, **waarden})


def extraheer(
    fileobj: object, keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str | tuple[str, ...], list[str]]]:
    """Babel extraction method (babel.cfg, `make vertalingen`) that reads the Python syntax tree,
    so that a `t("...")` inside an f-string is found too (Babel's tokenizer on Python 3.11
    skips those)."""
    import ast

    bron = fileobj.read()  # type: ignore[attr-defined]
    if isinstance(bron, bytes):
        bron = bron.decode("utf-8")
    for knoop in ast.walk(ast.parse(bron)):
        if not (isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Name)):
            continue
        naam, args = knoop.func.id, knoop.args
        aantal = 2 if naam == "tn" else 1 if naam in ("t", "N_") else 0
        teksten = [
            a.value
            for a in args[:aantal]
            if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if aantal and len(teksten) == aantal:
            yield knoop.lineno, naam, teksten[0] if aantal == 1 else tuple(teksten), []


def N_(tekst: str) -> str:
    """Marks a text for translation where it is defined (a label in a table); `t` translates
    it where it is shown."""
    return tekst
