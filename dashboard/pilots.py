"""Prevention pilots: definition, storage, and the CSV format of data/demo/pilots.csv."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from dashboard import format as fmt
from dashboard.appdb import schrijf_log
from dashboard.hierarchy import Boom
from dashboard.i18n import N_, t
from dashboard.ingest import parse
from dashboard.ingest.read import LeesFout, lees
from dashboard.ingest.validate import koppel
from dashboard.periods import Maand
from dashboard.rollen import LOKAAL, Gebruiker, vereis
from dashboard.store import Store

#: Length of the before and after windows of the analysis, in months.
VENSTER = 12


class PilotFout(ValueError):
    """A pilot definition that cannot be stored; the message is Dutch.

    Raised with a catalogue text and its values (`PilotFout(N_("... {naam} ..."), naam=...)`),
    so that the page can show it in the user's language (`in_taal`).
    """

    def __init__(self, tekst: str, **waarden: object) -> None:
        super().__init__(tekst.format(**waarden) if waarden else tekst)
        self.tekst = tekst
        self.waarden = waarden

    def in_taal(self, taal: str) -> str:
        """The message in the interface language."""
        return t(self.tekst, taal, **self.waarden)


# -- "geselecteerd op hoog verzuim": for now a keyword rule on the free-text reason ------------
# A rule must not depend on a string. The statistics issue adds an explicit `geselecteerd_op`
# field to the pilot table (with a schema migration); then this section is replaced, and it is
# the only place that knows the rule: `woorden_hoog_verzuim` decides, the form stores its tick
# through `reden_met_vinkje` (the marker below) and shows the reason through
# `reden_zonder_markering`.

#: Appended to the reason when "geselecteerd op hoog verzuim" is ticked but the reason's own
#: words do not say so (it holds "hoog", so the rule reads it).
MARKERING = " (geselecteerd op hoog verzuim)"
_HOOG_WOORDEN = ("hoog", "hoogste", "meeste", "hoge", "boven")


def woorden_hoog_verzuim(reden: str) -> list[str]:
    """The words of a selection reason that make the pilot count as chosen for high absence
    (the keyword rule, see above); empty when it does not."""
    laag = reden.lower()
    return [w for w in _HOOG_WOORDEN if w in laag]


def reden_zonder_markering(reden: str) -> str:
    """The reason as the user typed it (without the marker `reden_met_vinkje` may have added)."""
    return reden[: -len(MARKERING)] if reden.endswith(MARKERING) else reden


def reden_met_vinkje(reden: str, hoog_verzuim: bool) -> str:
    """The reason to store for the form's text and its tick "geselecteerd op hoog verzuim".

    Ticked while the words do not say so: the marker is appended. Not ticked while the words do
    say so: PilotFout, because the rule would count it as chosen for high absence anyway.
    """
    reden = reden_zonder_markering(reden.strip())
    woorden = woorden_hoog_verzuim(reden)
    if hoog_verzuim and not woorden:
        return (reden + MARKERING).strip()
    if not hoog_verzuim and woorden:
        raise PilotFout(
            N_(
                "de reden bevat ‘{woord}’ en telt daardoor als ‘geselecteerd op hoog verzuim’; "
                "vink dat aan, of beschrijf de reden zonder de woorden hoog, hoge, hoogste, "
                "meeste of boven"
            ),
            woord=woorden[-1],
        )
    return reden


#: Why a pilot's units were chosen (the field `geselecteerd_op`, issue 10). On high absence or
#: high reporting, a fall afterwards is partly regression to the mean.
GESELECTEERD_OP: tuple[str, ...] = ("hoog verzuim", "hoge meldingsfrequentie", "enquete", "anders")
#: Labels for the form and the page, in this order.
GESELECTEERD_OP_LABELS: dict[str, str] = {
    "hoog verzuim": N_("hoog verzuim"),
    "hoge meldingsfrequentie": N_("hoge meldingsfrequentie"),
    "enquete": N_("uitkomst van het medewerkersonderzoek"),
    "anders": N_("anders"),
}
#: The choices that select on a high value of absence itself.
OP_HOOG: frozenset[str] = frozenset({"hoog verzuim", "hoge meldingsfrequentie"})


def geselecteerd_op_van(tekst: str | None) -> str:
    """The field's value from a file or form ('' when not given); 'enquête' is 'enquete'."""
    waarde = " ".join((tekst or "").strip().lower().replace("_", " ").split())
    return "enquete" if waarde == "enquête" else waarde


@dataclass(frozen=True)
class Pilot:
    """A pilot: units that did something, from `begin` to `eind`, and units to compare with."""

    naam: str
    omschrijving: str
    begin: dt.date
    eind: dt.date
    pilot_eenheden: tuple[str, ...]
    vergelijk_eenheden: tuple[str, ...]
    selectie_reden: str = ""
    pilot_id: int | None = None
    #: why the units were chosen (GESELECTEERD_OP); '' for a definition that does not say
    geselecteerd_op: str = ""

    def controleer(self, bekende_eenheden: set[str]) -> None:
        """Raise PilotFout when the definition is incomplete or inconsistent."""
        if not self.naam.strip():
            raise PilotFout(N_("geef de pilot een naam"))
        if self.eind < self.begin:
            raise PilotFout(N_("de einddatum ligt voor de begindatum"))
        if not self.pilot_eenheden:
            raise PilotFout(N_("kies ten minste één pilot-eenheid"))
        onbekend = [
            e for e in (*self.pilot_eenheden, *self.vergelijk_eenheden) if e not in bekende_eenheden
        ]
        if onbekend:
            raise PilotFout(N_("onbekende eenheid: {e}"), e=", ".join(onbekend))
        if self.geselecteerd_op and self.geselecteerd_op not in GESELECTEERD_OP:
            raise PilotFout(
                N_("‘geselecteerd op’ is ‘{w}’; kies uit: {k}"),
                w=self.geselecteerd_op,
                k=", ".join(GESELECTEERD_OP),
            )
        dubbel = set(self.pilot_eenheden) & set(self.vergelijk_eenheden)
        if dubbel:
            raise PilotFout(
                N_("een eenheid kan niet pilot- én vergelijkingseenheid zijn: {e}"),
                e=", ".join(sorted(dubbel)),
            )

    @property
    def geselecteerd_op_hoog_verzuim(self) -> bool:
        """True when the units were chosen for high absence (expect regression to the mean):
        the field `geselecteerd_op`; only a definition without it falls back on the reason's
        words."""
        if self.geselecteerd_op:
            return self.geselecteerd_op in OP_HOOG
        return bool(woorden_hoog_verzuim(self.selectie_reden))


def lijst(store: Store) -> list[Pilot]:
    """All pilots, newest first."""
    frame = store.frame(
        "select pilot_id, naam, omschrijving, begin, eind, pilot_eenheden, vergelijk_eenheden, "
        "selectie_reden, coalesce(geselecteerd_op, '') as geselecteerd_op from pilot "
        "order by begin desc, naam"
    )
    return [
        Pilot(
            naam=r["naam"],
            omschrijving=r["omschrijving"],
            begin=r["begin"],
            eind=r["eind"],
            pilot_eenheden=tuple(r["pilot_eenheden"]),
            vergelijk_eenheden=tuple(r["vergelijk_eenheden"]),
            selectie_reden=r["selectie_reden"],
            pilot_id=r["pilot_id"],
            geselecteerd_op=r["geselecteerd_op"],
        )
        for r in frame.iter_rows(named=True)
    ]


def analyse_maanden(pilot: Pilot) -> tuple[Maand, Maand]:
    """The months an analysis of the pilot can show: from a window before the before-window
    (the earlier baseline) to the end of the after-window."""
    return Maand.of(pilot.begin).plus(-2 * VENSTER), Maand.of(pilot.eind).plus(VENSTER)


def controleer_privacy(store: Store, boom: Boom, pilot: Pilot, min_groep: int) -> None:
    """Raise PilotFout when a unit of the pilot is not shown on its own in a month of the
    analysis (DESIGN 4: unions only of units that are shown themselves): the pilot group
    minus its other units would show it."""
    from dashboard import metrics

    laatste = boom.laatste_maand()
    if laatste is None or min_groep <= 0:
        return
    van, tot = analyse_maanden(pilot)
    eerste = metrics.eerste_maand(store)
    if eerste is not None:
        van = max(van, eerste)
    codes = [c for c in (*pilot.pilot_eenheden, *pilot.vergelijk_eenheden) if c in boom.eenheden]
    verborgen = metrics.niet_getoond(store, boom, codes, van, min(tot, laatste), min_groep)
    if not verborgen:
        return
    regels = []
    for code in codes:
        if code not in verborgen:
            continue
        maand, reden = verborgen[code]
        wanneer = fmt.maand(maand, lang=True)
        waarom = (
            f"heeft in {wanneer} gemiddeld minder dan {min_groep} medewerkers"
            if reden == "klein"
            else f"wordt in {wanneer} niet apart getoond, om een kleine eenheid ernaast te beschermen"
        )
        ouder = boom.eenheden[code].ouder
        advies = (
            f"; kies in plaats daarvan de bovenliggende eenheid {boom.naam(ouder)} ({ouder})"
            if ouder is not None
            else ""
        )
        regels.append(f"{boom.naam(code)} ({code}) {waarom}{advies}")
    raise PilotFout(
        "Een pilot- of vergelijkingsgroep mag alleen eenheden bevatten die in elke maand van de "
        "analyse zelf getoond worden; anders is de kleine eenheid terug te rekenen uit het "
        "verschil tussen de groep en de andere eenheden. " + ". ".join(regels)
    )


def bewaar(
    store: Store, pilot: Pilot, boom: Boom, min_groep: int, *, wie: Gebruiker = LOKAAL
) -> int:
    """Insert or update a pilot (by id, else by name); returns its id. `wie` must be an
    adviseur of every organisation of the pilot's units (rollen.Geweigerd otherwise)."""
    organisaties = {
        boom.eenheden[c].organisatie
        for c in (*pilot.pilot_eenheden, *pilot.vergelijk_eenheden)
        if c in boom.eenheden
    }
    vereis(wie, "adviseur", organisaties)
    pilot.controleer(set(boom.eenheden))
    controleer_privacy(store, boom, pilot, min_groep)
    with store.schrijf() as cur:
        bestaand = cur.sql(
            "select pilot_id from pilot where pilot_id = $id or naam = $naam",
            params={"id": pilot.pilot_id if pilot.pilot_id is not None else -1, "naam": pilot.naam},
        ).fetchall()
        if bestaand:
            pilot_id = int(bestaand[0][0])
            cur.execute("delete from pilot where pilot_id = $id", {"id": pilot_id})
        else:
            pilot_id = int(
                cur.sql("select coalesce(max(pilot_id), 0) + 1 from pilot").fetchall()[0][0]
            )
        cur.execute(
            "insert into pilot (pilot_id, naam, omschrijving, begin, eind, pilot_eenheden, "
            "vergelijk_eenheden, selectie_reden, gewijzigd, geselecteerd_op) "
            "values ($id, $naam, $oms, $begin, $eind, $pilot, $verg, $reden, $t, $op)",
            {
                "id": pilot_id,
                "naam": pilot.naam.strip(),
                "oms": pilot.omschrijving.strip(),
                "begin": pilot.begin,
                "eind": pilot.eind,
                "pilot": list(pilot.pilot_eenheden),
                "verg": list(pilot.vergelijk_eenheden),
                "reden": pilot.selectie_reden.strip(),
                "t": dt.datetime.now().replace(microsecond=0),
                "op": pilot.geselecteerd_op or None,
            },
        )
    schrijf_log(
        store, wie, "pilot_bewaard", pilot.naam.strip(), organisatie=organisaties,
        details={"pilot_id": pilot_id, "pilot": pilot.pilot_eenheden,
                 "vergelijking": pilot.vergelijk_eenheden},
    )  # fmt: skip
    return pilot_id


def verwijder(store: Store, pilot_id: int, *, wie: Gebruiker = LOKAAL) -> None:
    """Delete a pilot (`wie`: an adviseur of its organisations)."""
    organisaties = _organisaties_van(store, pilot_id)
    vereis(wie, "adviseur", organisaties)
    naam = store.sql("select naam from pilot where pilot_id = $id", {"id": pilot_id})
    with store.schrijf() as cur:
        cur.execute("delete from pilot where pilot_id = $id", {"id": pilot_id})
    schrijf_log(
        store, wie, "pilot_verwijderd", str(naam[0][0]) if naam else f"pilot {pilot_id}",
        organisatie=organisaties,
    )  # fmt: skip


def _organisaties_van(store: Store, pilot_id: int) -> set[str]:
    rijen = store.sql(
        "select distinct e.organisatie from pilot p, unnest(list_concat(p.pilot_eenheden, "
        "p.vergelijk_eenheden)) as u(code) join eenheid e on e.eenheid = u.code "
        "where p.pilot_id = $id",
        {"id": pilot_id},
    )
    return {str(r[0]) for r in rijen}


def lees_csv(inhoud: bytes, bestand: str = "pilots.csv") -> list[Pilot]:
    """Read pilots in the documented CSV format (units separated by `|`, dates dd-mm-jjjj)."""
    try:
        tabel = lees(inhoud, bestand, "pilots")
    except LeesFout as fout:
        raise PilotFout(f"{bestand}: {fout}") from fout
    gekoppeld, problemen = koppel(tabel, "pilots")
    if problemen.height:
        raise PilotFout(f"{bestand}: {problemen['reden'][0]}")
    frame = gekoppeld.frame
    for k in ("omschrijving", "vergelijk_eenheden", "selectie_reden", "geselecteerd_op"):
        if k not in frame.columns:
            frame = frame.with_columns(pl.lit(None, pl.String).alias(k))
    frame = frame.with_columns(parse.datum("begin").alias("_b"), parse.datum("eind").alias("_e"))
    ongeldig = frame.filter(pl.col("_b").is_null() | pl.col("_e").is_null())
    if ongeldig.height:
        raise PilotFout(f"{bestand}, rij {ongeldig['__rij'][0]}: geen geldige begin- of einddatum")

    def eenheden(tekst: str | None) -> tuple[str, ...]:
        return tuple(e.strip() for e in (tekst or "").split("|") if e.strip())

    return [
        Pilot(
            naam=r["naam"] or "",
            omschrijving=r["omschrijving"] or "",
            begin=r["_b"],
            eind=r["_e"],
            pilot_eenheden=eenheden(r["pilot_eenheden"]),
            vergelijk_eenheden=eenheden(r["vergelijk_eenheden"]),
            selectie_reden=r["selectie_reden"] or "",
            geselecteerd_op=geselecteerd_op_van(r["geselecteerd_op"]),
        )
        for r in frame.iter_rows(named=True)
    ]
