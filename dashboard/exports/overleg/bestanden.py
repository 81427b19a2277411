"""The consultation as files: one PowerPoint deck and one workbook for the whole meeting, from
the same steps as the screen (also `python -m dashboard export`)."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import polars as pl

from dashboard import afspraken, config, definitions
from dashboard import format as fmt
from dashboard.exports.overleg.keuze import Keuze
from dashboard.exports.overleg.stappen import (
    Stap,
    afspraak_regel,
    afspraken_stap,
    agenda,
    inhoud_sleutels,
    keuze_van,
    stap,
    statusnaam,
    vorige_stap,
)
from dashboard.exports.pptx import deck as maak_deck
from dashboard.exports.xlsx import frame_naar_werkboek
from dashboard.hierarchy import laad_boom
from dashboard.i18n import t
from dashboard.periods import Maand
from dashboard.selectie import Selectie
from dashboard.store import Store, open_lezen
from dashboard.views import Context

#: Called with (steps done, steps in all, the step's name) while a file is built.
Voortgang = Callable[[int, int, str], None]


def alle_stappen(
    store: Store, ctx: Context, keuze: Keuze | None = None, voortgang: Voortgang | None = None
) -> list[Stap]:
    """Every step of the meeting in order: agenda, last time, content, agreements."""
    k = keuze_van(store, ctx, keuze)
    vorige = vorige_stap(store, ctx)
    sleutels = [*(["vorige"] if vorige else []), *inhoud_sleutels(store, ctx, k), "afspraken"]
    uit = [agenda(store, ctx, sleutels, k), *([vorige] if vorige else [])]
    inhoud = [s for s in sleutels if s not in ("vorige", "afspraken")]
    for i, sleutel in enumerate(inhoud):
        if voortgang is not None:
            voortgang(i, len(inhoud), sleutel)
        s = stap(store, ctx, sleutel=sleutel, keuze=k)
        if s is not None:
            uit.append(s)
    uit.append(afspraken_stap(store, ctx))
    if voortgang is not None:
        voortgang(len(inhoud), len(inhoud), "")
    return uit


def _voet(ctx: Context) -> str:
    peil = fmt.datum(ctx.peildatum, ctx.taal)
    return t("Bron: Verzuimzicht · peildatum {peil}", ctx.taal, peil=peil)


def deck(
    store: Store, ctx: Context, keuze: Keuze | None = None, voortgang: Voortgang | None = None
) -> bytes:
    """The whole consultation as one 16:9 PowerPoint deck."""
    sel = ctx.selectie
    peil = fmt.datum(ctx.peildatum, ctx.taal)
    titel = t("Maandoverleg {org}", ctx.taal, org=ctx.boom.naam(sel.organisatie))
    ondertitel = t(
        "{maand} · {eenheid} · peildatum {peil}", ctx.taal,
        maand=fmt.maand(sel.maand, ctx.taal, lang=True), eenheid=ctx.eenheid_tekst(), peil=peil,
    )  # fmt: skip
    dias = [s.dia(_voet(ctx)) for s in alle_stappen(store, ctx, keuze, voortgang)]
    return maak_deck(titel, ondertitel, dias, taal=ctx.taal)


_ONGELDIG = re.compile(r"[\[\]:*?/\\]")


def _bladnaam(naam: str, bestaand: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique."""
    basis = _ONGELDIG.sub(" ", naam).strip()[:31] or "Blad"
    kandidaat, n = basis, 2
    while kandidaat.lower() in bestaand:
        kandidaat = f"{basis[: 31 - len(str(n)) - 1]} {n}"
        n += 1
    bestaand.add(kandidaat.lower())
    return kandidaat


def afspraken_tabel(store: Store, ctx: Context) -> pl.DataFrame:
    """The agreements of this meeting and those carried over from earlier ones, for the workbook:
    what, who, deadline, status, the meeting where it was made."""
    sel = ctx.selectie
    taal = ctx.taal
    _, vorige = afspraken.vorige_keer(store, sel.organisatie, sel.maand)
    lijst = [*vorige, *afspraken.van_overleg(store, sel.organisatie, sel.maand)]
    rijen = [
        {
            t("Afspraak", taal): a.tekst,
            t("Wie", taal): a.eigenaar,
            t("Uiterlijk", taal): fmt.datum(d, taal) if (d := getattr(a, "deadline", None)) else "",
            t("Status", taal): statusnaam(a.status, taal),
            t("Gemaakt in het overleg van", taal): fmt.maand(a.maand, taal, lang=True),
        }
        for a in lijst
    ]
    kolommen = [
        t(k, taal) for k in ("Afspraak", "Wie", "Uiterlijk", "Status", "Gemaakt in het overleg van")
    ]
    return pl.DataFrame(rijen, schema={k: pl.String for k in kolommen})


def werkboek(
    store: Store, ctx: Context, keuze: Keuze | None = None, voortgang: Voortgang | None = None
) -> bytes:
    """The whole meeting as one workbook: the agenda and the three messages, the numbers of every
    step, the agreements; the 'Toelichting' sheet with the selection and the definitions."""
    taal = ctx.taal
    bladen: dict[str, pl.DataFrame] = {}
    namen: set[str] = set()
    for s in alle_stappen(store, ctx, keuze, voortgang):
        if s.sleutel == "agenda":
            frame = pl.DataFrame(
                {t("Agenda", taal): s.punten}, schema={t("Agenda", taal): pl.String}
            )
        elif s.boodschappen:
            frame = pl.DataFrame(
                {
                    t("Boodschap", taal): [b.tekst for b in s.boodschappen],
                    t("Waarop het rust", taal): [b.onderbouwing for b in s.boodschappen],
                }
            )
        elif s.sleutel in ("vorige", "afspraken"):
            continue
        elif s.tabel is not None:
            frame = s.tabel
        else:
            continue
        bladen[_bladnaam(s.naam, namen)] = frame
    bladen[_bladnaam(t("Afspraken", taal), namen)] = afspraken_tabel(store, ctx)
    buffer = io.BytesIO()
    instellingen = config.settings()
    frame_naar_werkboek(
        bladen,
        buffer,
        toelichting=[
            (t("Selectie", taal), ctx.eenheid_tekst()),
            (t("Maand", taal), fmt.maand(ctx.selectie.maand, taal, lang=True)),
            (t("Peildatum", taal), fmt.datum(ctx.peildatum, taal)),
            *definitions.toelichting_regels(ctx.min_groep, instellingen.min_respondenten, taal),
        ],
    )
    return buffer.getvalue()


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
        pptx.write_bytes(deck(store, ctx))
        print(f"PowerPoint geschreven: {pptx}")
        if xlsx is not None:
            xlsx.write_bytes(werkboek(store, ctx))
            print(f"Excel geschreven: {xlsx}")
    finally:
        store.close()
    return 0


__all__ = ["afspraak_regel", "alle_stappen", "deck", "exporteer_overleg", "werkboek"]
