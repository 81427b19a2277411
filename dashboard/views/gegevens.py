"""Gegevens: what the data steward needs besides the upload widgets.

Recognising an uploaded file, running the import without ever raising, the refusal in plain
Dutch, the import history, the active data per organisation, the data-quality findings, what a
restore would undo, and the expected columns. Pure functions of the store: the page only draws.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import fastexcel
import polars as pl

from dashboard import catalogus
from dashboard import format as fmt
from dashboard.appdb import schrijf_log
from dashboard.i18n import N_, t
from dashboard.ingest import gebeurtenissen, parse, validate
from dashboard.ingest.columns import (
    KOLOMMEN,
    SOORTEN,
    herken_soort,
    kolom_index,
    normaliseer,
)
from dashboard.ingest.importer import Bestand
from dashboard.ingest.importer import importeer as _importeer
from dashboard.ingest.read import LeesFout, controleer_xlsx, lees
from dashboard.ingest.report import leeg_rapport
from dashboard.rollen import LOKAAL, Gebruiker, Geweigerd, vereis
from dashboard.store import Store, StoreFout, VerdachteImport
from dashboard.veilig import csv_frame

log = logging.getLogger(__name__)

#: Problems shown on screen; the Excel report always holds all of them.
MAX_SCHERM = 500
#: Problems in the Excel report: beyond this a workbook takes minutes to build (openpyxl) and
#: nears Excel's row limit; the CSV download then holds them all.
EXCEL_MAX = 100_000
#: Characters of the SHA-256 shown in tables (enough to tell files apart at a glance).
SHA_KORT = 12

SOORT_LABEL: dict[str, str] = {
    "organisatie": N_("organisatie (eenheden)"),
    "personeel": N_("personeel (dienstverbanden)"),
    "verzuim": N_("verzuim (ziekmeldingen)"),
    "enquete": N_("enquête (medewerkersonderzoek)"),
}

_KOPZOEK_BYTES = 256 * 1024
_KOPZOEK_REGELS = 30
_SCHEIDINGSTEKENS = (";", ",", "\t", "|")
_IMPORT = "(import)"  # the importer's file name for problems of the import as a whole


def _organisaties(toegang: frozenset[str] | None) -> list[str] | None:
    return None if toegang is None else sorted(toegang)


# -- recognising an upload -------------------------------------------------------------------


@dataclass(frozen=True)
class Herkenning:
    """What the page can tell about a file before the import: its kind and whether it reads."""

    soort: str | None
    #: False: a best guess (most known columns), but not every required column was found
    zeker: bool = False
    #: the reader's reason when the file is no usable table whatever its kind (empty, PDF, ...)
    fout: str | None = None


def herken(naam: str, inhoud: bytes) -> Herkenning:
    """The kind of an extract from its header row; never raises."""
    try:
        kandidaten = list(_kopkandidaten(inhoud))
    except Exception:  # a preview must never break the page; the import gives the reason
        log.debug("kopregel van %s niet te lezen", naam, exc_info=True)
        kandidaten = []
    for cellen in kandidaten:
        soort = herken_soort(cellen)
        if soort is not None:
            return Herkenning(soort, zeker=True)
    waarschijnlijk = _beste_gok(kandidaten)
    if waarschijnlijk is not None:
        return Herkenning(waarschijnlijk, zeker=False)
    return Herkenning(None, fout=_leesfout(naam, inhoud))


def _kopkandidaten(inhoud: bytes) -> Iterator[list[str]]:
    """Cells of the first lines of each sheet (XLSX) or of each way to split a line (CSV)."""
    if inhoud[:2] == b"PK":
        controleer_xlsx(inhoud)  # a workbook that expands to gigabytes is never parsed
        werkmap = fastexcel.read_excel(inhoud)
        for blad in list(werkmap.sheet_names)[:10]:
            frame = werkmap.load_sheet(
                blad, header_row=None, n_rows=_KOPZOEK_REGELS, dtypes="string"
            ).to_polars()
            for rij in frame.rows():
                yield ["" if c is None else str(c).strip() for c in rij]
        return
    for regel in _begin_tekst(inhoud).splitlines()[:_KOPZOEK_REGELS]:
        for sep in _SCHEIDINGSTEKENS:
            if sep in regel:
                yield [c.strip().strip('"').strip() for c in regel.split(sep)]


def _begin_tekst(inhoud: bytes) -> str:
    begin = inhoud[:_KOPZOEK_BYTES]
    if begin.startswith((b"\xff\xfe", b"\xfe\xff")):
        return begin.decode("utf-16", errors="ignore")
    begin = begin.removeprefix(b"\xef\xbb\xbf")
    try:
        return begin.decode("utf-8")
    except UnicodeDecodeError:  # Windows-1252, or a character cut at the end of the sample
        return begin.decode("cp1252", errors="replace")


def _beste_gok(kandidaten: list[list[str]]) -> str | None:
    """The kind whose columns a header line matches best (at least two), when not a tie."""
    scores: dict[str, int] = {}
    for soort in SOORTEN:
        index = kolom_index(soort)
        scores[soort] = max(
            (
                len({index[k] for c in cellen if (k := normaliseer(c)) in index})
                for cellen in kandidaten
            ),
            default=0,
        )
    beste = max(scores.values(), default=0)
    winnaars = [s for s, n in scores.items() if n == beste]
    return winnaars[0] if beste >= 2 and len(winnaars) == 1 else None


def _leesfout(naam: str, inhoud: bytes) -> str | None:
    """The reader's reason when it is the same for every kind (so not about the columns)."""
    if inhoud[:2] != b"PK" and len(inhoud) > _KOPZOEK_BYTES:
        inhoud = inhoud[: inhoud.rfind(b"\n", 0, _KOPZOEK_BYTES) + 1] or inhoud[:_KOPZOEK_BYTES]
    redenen = set()
    for soort in SOORTEN:
        try:
            lees(inhoud, naam, soort)
        except LeesFout as fout:
            redenen.add(str(fout))
        except Exception:  # the import will report it; here it only means "not recognised"
            return None
        else:
            return None
    return redenen.pop() if len(redenen) == 1 else None


def laatste_verzuimdatum(naam: str, inhoud: bytes) -> dt.date | None:
    """The latest date in an absence extract: the peildatum the import uses when none is given."""
    try:
        gekoppeld, _ = validate.koppel(lees(inhoud, naam, "verzuim"), "verzuim")
        if gebeurtenissen.is_gebeurtenissen(gekoppeld):
            # events: the spells they make (a recovery on d ends a spell on d - 1)
            gekoppeld, _ = gebeurtenissen.naar_perioden(naam, gekoppeld)
        frame = gekoppeld.frame
        data: list[dt.date] = []
        # the last absence day of a row with a recovery date is the day before it
        for kolom, correctie in (
            ("eerste_verzuimdag", 0),
            ("laatste_verzuimdag", 0),
            ("hersteldatum", -1),
        ):
            if kolom in frame.columns:
                hoogste = parse.datum_reeks(frame[kolom]).max()
                if isinstance(hoogste, dt.date):
                    data.append(hoogste + dt.timedelta(days=correctie))
        return max(data, default=None)
    except Exception:  # only a hint next to the date field; the import checks the file
        log.debug("laatste datum van %s niet te bepalen", naam, exc_info=True)
        return None


# -- the import --------------------------------------------------------------------------------


@dataclass
class Uitkomst:
    """An import as the page shows it: a headline, the details, the report."""

    geslaagd: bool
    kop: str
    samenvatting: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    rapport: pl.DataFrame = field(default_factory=leeg_rapport)
    #: plain-language explanations of refused identifier or medical columns
    privacy: list[str] = field(default_factory=list)
    import_id: int | None = None
    peildatum: dt.date | None = None


def importeer(
    store: Store,
    bestanden: Sequence[Bestand],
    *,
    peildatum: dt.date | None,
    gebruiker: str,
    taal: str = "nl",
    bevestig: bool = False,
    wie: Gebruiker = LOKAAL,
) -> Uitkomst:
    """Run the import (all files in one transaction) and describe the outcome; never raises.
    A suspicious import (store.VerdachteImport) is refused unless `bevestig`."""
    try:
        res = _importeer(
            store, list(bestanden), peildatum=peildatum, gebruiker=gebruiker, bevestig=bevestig,
            wie=wie,
        )  # fmt: skip
    except Geweigerd as fout:
        return Uitkomst(False, t("Import niet uitgevoerd: {fout}.", taal, fout=str(fout)))
    except VerdachteImport as fout:
        return Uitkomst(
            False,
            t(
                "Import niet uitgevoerd: {fout}.",
                taal,
                fout=str(fout).replace(
                    "(--bevestig, of het vinkje op de pagina Gegevens)", "(het vinkje hieronder)"
                ),
            ),
        )
    except StoreFout as fout:
        log.warning("import niet opgeslagen: %s", fout)
        return Uitkomst(
            False,
            t(
                "De gegevensopslag kon niet worden bijgewerkt: {fout}. Er is niets veranderd.",
                taal,
                fout=str(fout),
            ),
        )
    except Exception as fout:
        log.exception("onverwachte fout bij het inlezen van %s", [b.naam for b in bestanden])
        return Uitkomst(
            False,
            t(
                "Het inlezen is mislukt door een onverwachte fout ({soort}). Er is niets "
                "veranderd. De fout is vastgelegd in het logboek van de app; meld dit bij de "
                "beheerder.",
                taal,
                soort=type(fout).__name__,
            ),
        )
    if res.geslaagd:
        return Uitkomst(
            True,
            t("Import geslaagd (import {n}).", taal, n=res.import_id),
            samenvatting=list(res.samenvatting),
            meldingen=list(res.meldingen),
            import_id=res.import_id,
            peildatum=res.peildatum,
        )
    return Uitkomst(
        False,
        weigering_kop(res.rapport, taal),
        meldingen=list(res.meldingen),
        rapport=res.rapport,
        privacy=privacy_uitleg(res.rapport, taal),
    )


def weigering_kop(rapport: pl.DataFrame, taal: str = "nl") -> str:
    """'Import geweigerd: 3 problemen in verzuim.csv. Er is niets veranderd.'"""
    per_bestand = rapport.group_by("bestand", maintain_order=True).len()
    delen = []
    for bestand, n in per_bestand.iter_rows():
        plaats = t("de import als geheel", taal) if bestand == _IMPORT else bestand
        delen.append(
            t("1 probleem in {plaats}", taal, plaats=plaats)
            if n == 1
            else t("{n} problemen in {plaats}", taal, n=fmt.getal(n, 0, taal), plaats=plaats)
        )
    if len(delen) > 1:
        opsomming = ", ".join(delen[:-1]) + " " + t("en", taal) + " " + delen[-1]
    else:
        opsomming = delen[0] if delen else t("onbekende reden", taal)
    return t("Import geweigerd: {delen}. Er is niets veranderd.", taal, delen=opsomming)


#: Words that only the identifier and medical checks use in their reasons (dashboard.ingest.identifiers).
_PRIVACY_KENMERKEN = (
    "namen van personen",
    "burgerservicenummer",
    "e-mailadres",
    "adresgegevens",
    "postcodes",
    "telefoonnummers",
    "geboortedatum",
    "medische informatie",
)


def is_privacyprobleem(reden: str) -> bool:
    """True for a refusal of identifying or medical information."""
    return any(k in reden for k in _PRIVACY_KENMERKEN)


def privacy_uitleg(rapport: pl.DataFrame, taal: str = "nl") -> list[str]:
    """One line per refused identifier or medical column: which column, in which file, and why."""
    regels = []
    for r in rapport.filter(pl.col("rij").is_null()).iter_rows(named=True):
        if r["kolom"] and is_privacyprobleem(r["reden"]):
            regels.append(
                t(
                    "Kolom '{kolom}' in {bestand}: {reden}.",
                    taal,
                    kolom=r["kolom"],
                    bestand=r["bestand"],
                    reden=r["reden"],
                )
            )
    return regels


def rapport_scherm(
    rapport: pl.DataFrame, taal: str = "nl", max_rijen: int = MAX_SCHERM
) -> tuple[pl.DataFrame, str | None]:
    """The first problems as a table with Dutch headers, and a note when there are more."""
    tabel = rapport.head(max_rijen).select(
        pl.col("bestand").alias(t("Bestand", taal)),
        # a problem of a whole column or file has no row: an empty cell, not 'None'
        pl.col("rij").cast(pl.String).fill_null("").alias(t("Rij", taal)),
        pl.col("kolom").alias(t("Kolom", taal)),
        pl.col("waarde").alias(t("Waarde", taal)),
        pl.col("reden").alias(t("Reden", taal)),
    )
    noot = None
    if rapport.height > max_rijen:
        noot = t(
            "Er zijn {totaal} problemen; hier staan de eerste {n}. Het volledige rapport staat "
            "in de Excel-download.",
            taal,
            totaal=fmt.getal(rapport.height, 0, taal),
            n=fmt.getal(max_rijen, 0, taal),
        )
    return tabel, noot


@dataclass(frozen=True)
class EerderIngelezen:
    """The most recent import of a file with the same content."""

    import_id: int
    tijdstip: dt.datetime
    bestandsnaam: str
    nog_actief: bool


def rapport_csv(rapport: pl.DataFrame) -> bytes:
    """Every problem as CSV that Dutch Excel opens directly (';', UTF-8 with BOM); a value that
    Excel would run as a formula is written as text (veilig.csv_frame)."""
    return ("\ufeff" + csv_frame(rapport).write_csv(separator=";")).encode("utf-8")


def grootte(n: int, taal: str = "nl") -> str:
    """File size for people: '362 bytes', '2 kB', '3,2 MB'."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{fmt.getal(n / 1024, 0, taal)} kB"
    return f"{fmt.getal(n / 1024 / 1024, 1, taal)} MB"


def eerder_ingelezen(store: Store, hashes: Sequence[str]) -> dict[str, EerderIngelezen]:
    """Files (by SHA-256) that were imported before: the most recent import of each."""
    if not hashes:
        return {}
    frame = store.query("gegevens_eerder_ingelezen", {"hashes": list(hashes)})
    return {
        r["sha256"]: EerderIngelezen(
            r["import_id"], r["tijdstip"], r["bestandsnaam"], bool(r["nog_actief"])
        )
        for r in frame.iter_rows(named=True)
    }


# -- history, active data, findings -------------------------------------------------------------


def geschiedenis(store: Store, toegang: frozenset[str] | None) -> pl.DataFrame:
    """Every import and restore with its files, newest first (only the visible organisations)."""
    return store.query("gegevens_importgeschiedenis", {"organisaties": _organisaties(toegang)})


_STATUS = {
    "actief": N_("actief"),
    "deels vervangen": N_("deels vervangen"),
    "vervangen": N_("vervangen door een latere import"),
    "teruggedraaid": N_("teruggedraaid"),
    "herstel": "",
}


def tijdstip(moment: dt.datetime | None, taal: str = "nl") -> str:
    """'25-11-2026 14:05' (nl) or '25 Nov 2026 14:05' (en)."""
    if moment is None:
        return "–"
    return f"{fmt.datum(moment.date(), taal)} {moment:%H:%M}"


def geschiedenis_tabel(frame: pl.DataFrame, taal: str = "nl") -> pl.DataFrame:
    """The history for the screen: Dutch headers, Dutch dates, the hash shortened."""
    rijen = []
    for r in frame.iter_rows(named=True):
        herstel = r["actie"] == "herstel"
        rijen.append(
            {
                t("Nr.", taal): r["import_id"],
                t("Tijdstip", taal): tijdstip(r["tijdstip"], taal),
                t("Door", taal): r["gebruiker"],
                t("Actie", taal): (t("terugzetten", taal) if herstel else t("import", taal)),
                t("Peildatum", taal): fmt.datum(r["peildatum"], taal) if r["peildatum"] else "",
                t("Soort", taal): r["soort"] or "",
                t("Bestand", taal): r["bestandsnaam"]
                or (_herstel_tekst(r, taal) if herstel else ""),
                t("SHA-256", taal): (r["sha256"] or "")[:SHA_KORT],
                t("Rijen gelezen", taal): _aantal(r["rijen_gelezen"], r["soort"], taal),
                t("Rijen geaccepteerd", taal): _aantal(r["rijen_geaccepteerd"], r["soort"], taal),
                t("Organisaties", taal): ", ".join(r["organisaties"] or []),
                t("Status", taal): _status(r["status"], taal),
            }
        )
    if not rijen:
        return pl.DataFrame()
    return pl.DataFrame(rijen, schema_overrides={t("Nr.", taal): pl.Int64})


def _status(status: str, taal: str) -> str:
    tekst = _STATUS.get(status, status)
    return t(tekst, taal) if tekst else ""


def _herstel_tekst(r: dict[str, object], taal: str) -> str:
    if r["herstelt"] is None:
        return str(r["omschrijving"])
    return t("import {n} teruggedraaid", taal, n=r["herstelt"])


def _aantal(n: int | None, soort: str | None, taal: str) -> str:
    if soort is None:
        return ""
    # a file that also holds organisations the user may not see: its size is not theirs to know
    return fmt.getal(n, 0, taal) if n is not None else t("niet getoond", taal)


def actieve_gegevens(store: Store, toegang: frozenset[str] | None) -> pl.DataFrame:
    """The data that counts now, per organisation and kind."""
    return store.query("gegevens_actieve_gegevens", {"organisaties": _organisaties(toegang)})


def organisatie_naam(code: str, naam: str | None, taal: str = "nl") -> str:
    """Display name of a client organisation ('*': rows whose organisation is not known)."""
    if code == "*":
        return t("(organisatie onbekend)", taal)
    return naam or code


def actieve_tabel(frame: pl.DataFrame, taal: str = "nl") -> pl.DataFrame:
    """The active data for the screen."""
    rijen = [
        {
            t("Organisatie", taal): organisatie_naam(r["organisatie"], r["naam"], taal),
            t("Soort", taal): r["soort"],
            t("Rijen", taal): fmt.getal(r["rijen"], 0, taal),
            t("Metingen", taal): ", ".join(r["metingen"] or []),
            t("Peildatum van de import", taal): fmt.datum(r["peildatum_import"], taal),
            t("Ingelezen op", taal): tijdstip(r["tijdstip"], taal),
            t("Import", taal): r["import_id"],
            t("Bestanden", taal): ", ".join(r["bestanden"] or []),
        }
        for r in frame.iter_rows(named=True)
    ]
    return pl.DataFrame(rijen) if rijen else pl.DataFrame()


@dataclass(frozen=True)
class Peil:
    """The peildatum of one organisation and the last month that is shown."""

    organisatie: str
    naam: str
    peildatum: dt.date | None
    laatste_dag: dt.date | None


def peildata(frame: pl.DataFrame, taal: str = "nl") -> list[Peil]:
    """Per organisation in the active data: its peildatum (from `actieve_gegevens`)."""
    uniek = frame.unique("organisatie", keep="first", maintain_order=True)
    return [
        Peil(
            r["organisatie"],
            organisatie_naam(r["organisatie"], r["naam"], taal),
            r["peildatum_organisatie"],
            r["laatste_dag"],
        )
        for r in uniek.iter_rows(named=True)
    ]


def huidige_peildatum(frame: pl.DataFrame) -> dt.date | None:
    """The peildatum an import without absence file and without a given date uses (the latest)."""
    waarden = [d for d in frame["peildatum_organisatie"].to_list() if d is not None]
    return max(waarden, default=None) if frame.height else None


def bevindingen(store: Store, toegang: frozenset[str] | None) -> pl.DataFrame:
    """The data-quality findings of the active data."""
    return store.query("gegevens_bevindingen", {"organisaties": _organisaties(toegang)})


def bevinding_tekst(
    soort: str, omschrijving: str, meldingen: int, dagen: int, taal: str = "nl"
) -> str:
    """One finding in plain Dutch: what is wrong, what it means, what to do."""
    aantal = fmt.getal(meldingen, 0, taal)
    if soort == "verzuim_buiten_dienst":
        wat = (
            t("1 ziekmelding heeft", taal)
            if meldingen == 1
            else t("{n} ziekmeldingen hebben", taal, n=aantal)
        )
        return t(
            "{wat} samen {dagen} verzuimdagen buiten een dienstverband in het personeelsextract. "
            "Die dagen tellen nergens mee. Controleer of het personeelsextract alle "
            "dienstverbanden bevat, ook van medewerkers die uit dienst zijn.",
            taal,
            wat=wat,
            dagen=fmt.getal(dagen, 0, taal),
        )
    if soort == "onbekende_eenheid":
        wat = (
            t("1 dienstverband staat", taal)
            if meldingen == 1
            else t("{n} dienstverbanden staan", taal, n=aantal)
        )
        return t(
            "{wat} bij een eenheid die niet in het organisatie-extract voorkomt. Die medewerkers "
            "tellen bij geen enkele eenheid mee. Lees een organisatie-extract in dat alle "
            "eenheden bevat.",
            taal,
            wat=wat,
        )
    return f"{omschrijving} ({aantal})"


# -- restore -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Herstel:
    """What 'Vorige gegevens terugzetten' would undo, in words."""

    import_id: int
    kop: str
    regels: tuple[str, ...]
    #: organisations that would have no absence or staff data left
    leeg: tuple[str, ...] = ()


def herstel_voorstel(store: Store, taal: str = "nl") -> Herstel | None:
    """The import a restore undoes (the most recent one still active), None when there is none."""
    frame = store.query("gegevens_herstel")
    if frame.height == 0:
        return None
    eerste = frame.row(0, named=True)
    namen = dict(store.query("organisatie_namen").iter_rows())
    regels = []
    leeg = []
    for r in frame.iter_rows(named=True):
        wat = f"{organisatie_naam(r['organisatie'], namen.get(r['organisatie']), taal)} · {r['soort']}"
        if r["sleutel"]:
            wat += f" {r['sleutel']}"
        if r["vorige_import_id"] is None:
            regels.append(t("{wat}: verdwijnt (er zijn geen eerdere gegevens)", taal, wat=wat))
            if r["soort"] in ("verzuim", "personeel"):
                leeg.append(organisatie_naam(r["organisatie"], namen.get(r["organisatie"]), taal))
        else:
            regels.append(
                t(
                    "{wat}: terug naar import {n} van {moment} (peildatum {peildatum}, {rijen} rijen)",
                    taal,
                    wat=wat,
                    n=r["vorige_import_id"],
                    moment=tijdstip(r["vorige_tijdstip"], taal),
                    peildatum=fmt.datum(r["vorige_peildatum"], taal),
                    rijen=fmt.getal(r["vorige_rijen"], 0, taal),
                )
            )
    kop = t(
        "Hiermee draait u import {n} van {moment} (door {wie}, peildatum {peildatum}) terug: "
        "{omschrijving}.",
        taal,
        n=eerste["import_id"],
        moment=tijdstip(eerste["tijdstip"], taal),
        wie=eerste["gebruiker"],
        peildatum=fmt.datum(eerste["peildatum"], taal),
        omschrijving=eerste["omschrijving"],
    )
    return Herstel(int(eerste["import_id"]), kop, tuple(regels), tuple(dict.fromkeys(leeg)))


def herstel(
    store: Store, verwacht: int, gebruiker: str, taal: str = "nl", *, wie: Gebruiker = LOKAAL
) -> tuple[bool, str]:
    """Undo import `verwacht` if it is still the most recent active one; never raises."""
    try:
        vereis(wie, "beheerder")
        voorstel = herstel_voorstel(store, taal)
        if voorstel is None:
            return False, t("Er is geen import om terug te draaien.", taal)
        if voorstel.import_id != verwacht:
            # someone imported or restored in the meantime: undo nothing the user did not see
            return False, t(
                "Er is intussen iets veranderd: de laatste actieve import is nu import {n}. Er is "
                "niets teruggezet; bekijk de geschiedenis en kies opnieuw.",
                taal,
                n=voorstel.import_id,
            )
        teruggedraaid = store.herstel_vorige(gebruiker)
        if teruggedraaid is not None:
            schrijf_log(
                store, wie, "herstel", f"import {teruggedraaid} teruggedraaid", naam=gebruiker
            )
    except (StoreFout, Geweigerd) as fout:
        log.warning("terugzetten niet gelukt: %s", fout)
        return False, t(
            "Terugzetten is niet gelukt: {fout}. Er is niets veranderd.", taal, fout=str(fout)
        )
    except Exception as fout:
        log.exception("onverwachte fout bij het terugzetten")
        return False, t(
            "Terugzetten is mislukt door een onverwachte fout ({soort}). Er is niets veranderd. "
            "De fout is vastgelegd in het logboek van de app.",
            taal,
            soort=type(fout).__name__,
        )
    if teruggedraaid is None:
        return False, t("Er is geen import om terug te draaien.", taal)
    return True, t(
        "Import {n} is teruggedraaid; de vorige gegevens zijn weer actief.", taal, n=teruggedraaid
    )


# -- help ----------------------------------------------------------------------------------------

_TYPE = {
    "tekst": N_("tekst"),
    "datum": N_("datum (dd-mm-jjjj, jjjj-mm-dd of Excel-datum)"),
    "getal": N_("getal (0,8 of 0.8)"),
    "geheel": N_("geheel getal"),
}


def kolommen_tabel(taal: str = "nl") -> pl.DataFrame:
    """The expected columns per kind of extract, with the other names that are recognised."""
    rijen = []
    for soort in SOORTEN:
        for k in KOLOMMEN[soort]:
            rijen.append(
                {
                    t("Soort", taal): soort,
                    t("Kolom", taal): k.naam,
                    t("Verplicht", taal): (t("ja", taal) if k.verplicht else t("nee", taal)),
                    t("Inhoud", taal): t(_TYPE[k.type], taal),
                    t("Ook herkend als", taal): ", ".join(k.aliassen),
                }
            )
        if soort == "enquete":
            for schaal in catalogus.SCHALEN:
                rijen.append(
                    {
                        t("Soort", taal): soort,
                        t("Kolom", taal): schaal.sleutel,
                        t("Verplicht", taal): t("nee", taal),
                        t("Inhoud", taal): t(_TYPE["getal"], taal) + f" · {t(schaal.label, taal)}",
                        t("Ook herkend als", taal): "",
                    }
                )
    return pl.DataFrame(rijen)
