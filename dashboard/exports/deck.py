"""`python -m dashboard export`: the Maandoverleg deck (and workbook) prepared ahead of a meeting."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from dashboard import config, definitions
from dashboard.exports.xlsx import frame_naar_werkboek
from dashboard.hierarchy import laad_boom
from dashboard.periods import Maand
from dashboard.selectie import Selectie
from dashboard.store import Store, open_lezen
from dashboard.views import Context
from dashboard.views import maandoverleg as mo


def exporteer_overleg(
    db: Path, eenheid: str, maand: Maand, pptx: Path, xlsx: Path | None, min_groep: int | None
) -> int:
    """Write the deck (and the workbook); returns the CLI exit code."""
    store = open_lezen(db)
    try:
        boom = laad_boom(store)
        if eenheid not in boom.eenheden:
            print(f"fout: onbekende eenheid '{eenheid}'", file=sys.stderr)
            return 2
        organisatie = boom.eenheden[eenheid].organisatie
        laatste = boom.laatste_maand([organisatie])
        if laatste is None or maand > laatste:
            tekst = (
                f"de laatste maand met gegevens is {laatste}"
                if laatste
                else "er zijn geen gegevens"
            )
            print(f"fout: geen cijfers voor {maand}: {tekst}", file=sys.stderr)
            return 2
        minimum = config.settings().min_groep if min_groep is None else min_groep
        ctx = Context(boom, Selectie(organisatie, eenheid, maand), minimum)
        pptx.write_bytes(mo.deck(store, ctx))
        print(f"PowerPoint geschreven: {pptx}")
        if xlsx is not None:
            xlsx.write_bytes(werkboek(store, ctx))
            print(f"Excel geschreven: {xlsx}")
    finally:
        store.close()
    return 0


def werkboek(store: Store, ctx: Context) -> bytes:
    """The numbers of every step as sheets, with the 'Toelichting' sheet."""
    bladen = {}
    for stap in mo.stappen(store, ctx):
        if stap.tabel is not None:
            bladen[stap.naam] = stap.tabel
    buffer = io.BytesIO()
    instellingen = config.settings()
    frame_naar_werkboek(
        bladen,
        buffer,
        toelichting=[
            ("Selectie", ctx.eenheid_tekst()),
            ("Maand", str(ctx.selectie.maand)),
            ("Peildatum", str(ctx.peildatum)),
            *definitions.toelichting_regels(ctx.min_groep, instellingen.min_respondenten),
        ],
    )
    return buffer.getvalue()
