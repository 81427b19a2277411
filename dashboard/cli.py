"""Command-line interface: `python -m dashboard import|metrics|herstel|demo|export|vergelijking|spc|pilot`.

Exit codes: 0 done, 1 refused or failed (with a Dutch report), 2 usage error. Never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import getpass
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import polars as pl

from dashboard.config import ConfigFout, settings
from dashboard.periods import PERIODESOORTEN, Maand

EXIT_OK, EXIT_GEWEIGERD, EXIT_GEBRUIK = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch error messages and exit code 2."""

    def error(self, message: str) -> NoReturn:
        vertaling = {
            "the following arguments are required": "deze opties zijn verplicht",
            "unrecognized arguments": "onbekende opties",
            "invalid choice": "ongeldige keuze",
            "expected one argument": "verwacht één waarde",
            "argument": "optie",
            "choose from": "kies uit",
        }
        for en, nl in vertaling.items():
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        print(f"fout: {message}", file=sys.stderr)
        raise SystemExit(EXIT_GEBRUIK)


class Gebruiksfout(Exception):
    """A usage error found after parsing (bad date, missing file); exit code 2."""


def _datum(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise Gebruiksfout(f"'{text}' is geen datum in de vorm JJJJ-MM-DD") from exc


def _maand(text: str) -> Maand:
    try:
        return Maand.parse(text)
    except ValueError as exc:
        raise Gebruiksfout(str(exc)) from exc


def _parser() -> _Parser:
    p = _Parser(prog="python -m dashboard", description="Verzuimzicht: import en kerncijfers")
    sub = p.add_subparsers(dest="opdracht", required=True, parser_class=_Parser)

    imp = sub.add_parser("import", help="extracten inlezen (alles of niets)")
    imp.add_argument("--db", required=True, help="pad naar de gegevensopslag (DuckDB)")
    imp.add_argument("--peildatum", help="laatste dag die het extract dekt (JJJJ-MM-DD)")
    for soort in ("organisatie", "personeel", "verzuim", "enquete"):
        imp.add_argument(f"--{soort}", metavar="BESTAND", help=f"{soort}-extract (CSV of XLSX)")
    imp.add_argument(
        "--gebruiker", help="naam voor het importlogboek (standaard: systeemgebruiker)"
    )
    imp.add_argument("--rapport", metavar="XLSX", help="schrijf het probleemrapport als Excel")
    imp.add_argument(
        "--bevestig",
        action="store_true",
        help="ook importeren als meer dan de helft van de rijen verdwijnt of de peildatum teruggaat",
    )
    imp.add_argument(
        "--pilots", metavar="BESTAND", help="pilotdefinities (CSV zoals data/demo/pilots.csv)"
    )

    met = sub.add_parser("metrics", help="kerncijfers als CSV of JSON")
    met.add_argument("--db", required=True)
    met.add_argument("--van", required=True, help="eerste maand (JJJJ-MM)")
    met.add_argument("--tot", required=True, help="laatste maand (JJJJ-MM)")
    met.add_argument("--per", default="maand", choices=[s for s in PERIODESOORTEN])
    met.add_argument("--eenheid", action="append", default=[], help="eenheid (met onderliggende)")
    met.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KOLOM=WAARDE[,WAARDE...]",
        help="alleen medewerkers met deze kenmerken (leeftijdsklasse, geslacht, schaalgroep); "
        "herhaalbaar: EN tussen kolommen, OF binnen één kolom",
    )
    met.add_argument(
        "--groep",
        action="append",
        default=[],
        metavar="NAAM=CODE[,CODE...]",
        help="een samengestelde groep: de eenheden (met onderliggende) samen; herhaalbaar",
    )
    met.add_argument("--min-groep", type=int, default=None, help="minimale groepsgrootte (0: uit)")
    met.add_argument("--formaat", default="csv", choices=["csv", "json"])

    her = sub.add_parser(
        "herstel", help="een eerdere versie terugzetten (standaard: die van voor de laatste)"
    )
    her.add_argument("--db", required=True)
    her.add_argument("--naar", type=int, metavar="VERSIE", help="het versienummer (zie versies)")
    her.add_argument("--gebruiker")

    ver = sub.add_parser("versies", help="de versies van de gegevensopslag")
    ver.add_argument("--db", required=True)
    ver.add_argument("--formaat", default="csv", choices=["csv", "json"])

    lb = sub.add_parser("logboek", help="het logboek: imports, herstel, exports en wijzigingen")
    lb.add_argument("--db", required=True)
    lb.add_argument("--formaat", default="csv", choices=["csv", "json"])

    demo = sub.add_parser("demo", help="de demo-opslag opbouwen uit data/demo/")
    demo.add_argument("--db", help="pad (standaard: de ingestelde opslag)")
    demo.add_argument("--opnieuw", action="store_true", help="bestaande opslag vervangen")

    exp = sub.add_parser("export", help="het maandoverleg als PowerPoint (en Excel)")
    exp.add_argument("--db", required=True)
    exp.add_argument("--eenheid", required=True)
    exp.add_argument("--maand", required=True, help="JJJJ-MM")
    exp.add_argument("--pptx", required=True, metavar="BESTAND")
    exp.add_argument("--xlsx", metavar="BESTAND")
    exp.add_argument("--min-groep", type=int, default=None)
    _statistiek_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        handler = {
            "import": _import,
            "metrics": _metrics,
            "herstel": _herstel,
            "versies": _versies,
            "logboek": _logboek,
            "demo": _demo,
            "export": _export,
            **_STATISTIEK_OPDRACHTEN,
        }[args.opdracht]
        return handler(args)
    except (Gebruiksfout, ConfigFout) as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return EXIT_GEBRUIK
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return EXIT_GEWEIGERD
    except Exception as fout:  # last line of defence: a message, never a traceback
        from dashboard.store import StoreFout

        if isinstance(fout, StoreFout):
            print(f"fout: {fout}", file=sys.stderr)
        else:
            print(f"fout: onverwachte fout ({fout.__class__.__name__}: {fout})", file=sys.stderr)
        return EXIT_GEWEIGERD


# -- import --------------------------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    from dashboard.exports.xlsx import rapport_xlsx
    from dashboard.ingest.importer import Bestand, importeer
    from dashboard.ingest.report import rapport_tekst
    from dashboard.store import Store, VerdachteImport, open_of_maak

    if args.pilots:
        code = _import_pilots(Path(args.db), Path(args.pilots))
        extracten = ("organisatie", "personeel", "verzuim", "enquete")
        if code != EXIT_OK or not any(getattr(args, s) for s in extracten):
            return code
    peildatum = _datum(args.peildatum) if args.peildatum else None
    bestanden = []
    for soort in ("organisatie", "personeel", "verzuim", "enquete"):
        pad = getattr(args, soort)
        if pad:
            try:
                bestanden.append(Bestand.van_pad(soort, pad))
            except IsADirectoryError as exc:
                raise Gebruiksfout(f"{pad} is een map, geen bestand") from exc
            except OSError as exc:
                raise Gebruiksfout(f"bestand niet gevonden of niet leesbaar: {pad}") from exc
    if not bestanden:
        raise Gebruiksfout(
            "geef ten minste één extract op (--organisatie, --personeel, --verzuim of --enquete)"
        )
    db = Path(args.db)
    gebruiker = args.gebruiker or _systeemgebruiker()
    # read-only: the import is written as a new version beside the store (dashboard/versies.py),
    # so it never waits for the app and the app never sees half of it
    store: Store | None = open_of_maak(db) if db.exists() else None
    geopend: list[Store] = []

    def nieuw() -> Store:  # a refused import leaves no new store behind
        geopend.append(open_of_maak(db))
        return geopend[0]

    try:
        resultaat = importeer(
            store or nieuw, bestanden, peildatum=peildatum, gebruiker=gebruiker,
            bevestig=args.bevestig,
        )  # fmt: skip
    except VerdachteImport as fout:
        print(f"Import geweigerd: {fout}.", file=sys.stderr)
        return EXIT_GEWEIGERD
    finally:
        for s in (store, *geopend):
            if s is not None:
                s.close()
    for regel in resultaat.meldingen:
        print(f"let op: {regel}")
    if not resultaat.geslaagd:
        n = resultaat.rapport.height
        print(f"Import geweigerd: {n} {'probleem' if n == 1 else 'problemen'} gevonden. "
              "Er is niets in de gegevensopslag veranderd.", file=sys.stderr)  # fmt: skip
        print(rapport_tekst(resultaat.rapport), file=sys.stderr)
        if args.rapport:
            Path(args.rapport).write_bytes(rapport_xlsx(resultaat.rapport))
            print(f"Volledig rapport: {args.rapport}", file=sys.stderr)
        return EXIT_GEWEIGERD
    print(f"Import {resultaat.import_id} geslaagd.")
    for regel in resultaat.samenvatting:
        print(f"- {regel}")
    return EXIT_OK


def _systeemgebruiker() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "onbekend"


# -- metrics -------------------------------------------------------------------------------------


@functools.cache
def _gehele_kolommen() -> frozenset[str]:
    """The CLI columns that are whole counts (printed without a decimal point): the catalogue's
    sums shown without decimals."""
    from dashboard import catalogus

    return frozenset(
        m.sleutel
        for m in catalogus.METRIEKEN
        if m.cli and m.berekening == "som" and not m.decimalen
    )


def _metrics(args: argparse.Namespace) -> int:
    from dashboard import metrics
    from dashboard.hierarchy import laad_boom

    van, tot = _van_tot(args)
    min_groep = settings().min_groep if args.min_groep is None else args.min_groep
    if min_groep < 0:
        raise Gebruiksfout("--min-groep moet 0 of groter zijn")
    db = Path(args.db)
    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db}")
    kenmerken = _filter(args.filter)
    store = _lees_store(db)
    try:
        boom = laad_boom(store)
        try:
            groepen = (
                metrics.groepen(boom, args.eenheid or None)
                if args.eenheid or not args.groep
                else []
            )
            groepen += [_groep(boom, tekst) for tekst in args.groep]
            dubbel = sorted(
                {g.label for g in groepen if [h.label for h in groepen].count(g.label) > 1}
            )
            if dubbel:
                raise Gebruiksfout(f"deze naam komt meer dan eens voor: {', '.join(dubbel)}")
        except metrics.SelectieFout as fout:
            raise Gebruiksfout(str(fout)) from fout
        ps = metrics.periodes(boom, groepen, van, tot, args.per)
        frame = metrics.kerncijfers(store, boom, ps, groepen, filter=kenmerken, min_groep=min_groep)
    finally:
        store.close()
    rijen = (
        [_cli_rij(r) for r in frame.select(metrics.CLI_KOLOMMEN).iter_rows(named=True)]
        if frame.height
        else []
    )
    if args.formaat == "json":
        print(json.dumps(rijen, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(",".join(metrics.CLI_KOLOMMEN) + "\n")
        for r in rijen:
            sys.stdout.write(",".join(_csv_waarde(r[k]) for k in metrics.CLI_KOLOMMEN) + "\n")
    return EXIT_OK


def _filter(teksten: Sequence[str]) -> Any:
    """`--filter KOLOM=W1,W2` (repeatable) as the API's attribute filter."""
    from dashboard.metrics import DIMENSIES, Filter

    waarden: dict[str, tuple[str, ...]] = {}
    for tekst in teksten:
        kolom, _, rest = tekst.partition("=")
        kolom = kolom.strip().lower()
        if kolom not in DIMENSIES or not rest.strip():
            raise Gebruiksfout(
                f"--filter '{tekst}': gebruik KOLOM=WAARDE[,WAARDE...] met KOLOM "
                f"{', '.join(DIMENSIES)}"
            )
        if kolom in waarden:
            raise Gebruiksfout(f"--filter: kolom '{kolom}' staat er twee keer in")
        waarden[kolom] = tuple(w.strip() for w in rest.split(","))
    return Filter(**waarden)


def _groep(boom: Any, tekst: str) -> Any:
    """`--groep NAAM=CODE,CODE`: the union of those units and everything below them."""
    from dashboard import metrics

    naam, _, rest = tekst.partition("=")
    codes = [c.strip() for c in rest.split(",") if c.strip()]
    if not naam.strip() or not codes:
        raise Gebruiksfout(f"--groep '{tekst}': gebruik NAAM=CODE[,CODE...]")
    delen = metrics.groepen(boom, codes)
    eenheden = tuple(dict.fromkeys(u for g in delen for u in g.eenheden))
    return metrics.Groep(naam.strip(), eenheden, naam.strip())


def _lees_store(db: Path) -> Any:
    """Open a store read-only; a store of an older version is first brought up to date."""
    from dashboard import versies
    from dashboard.store import Store, StoreVerouderd, open_lezen

    try:
        return Store(versies.lees_pad(db), read_only=True, opslag=db)
    except StoreVerouderd:
        print(
            "let op: de gegevensopslag wordt eenmalig bijgewerkt naar deze versie", file=sys.stderr
        )
        return open_lezen(db)


def _cli_rij(rij: dict[str, Any]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for k, v in rij.items():
        if k == "onderdrukt":
            uit[k] = "ja" if v else "nee"
        elif isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
            uit[k] = None
        elif k in _gehele_kolommen() and v is not None:
            uit[k] = int(v)
        else:
            uit[k] = v
    return uit


def _csv_waarde(v: Any) -> str:
    from dashboard.veilig import csv_tekst

    if v is None:
        return ""
    text = repr(v) if isinstance(v, float) else csv_tekst(str(v))
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


# -- herstel, demo, export -----------------------------------------------------------------------


def _herstel(args: argparse.Namespace) -> int:
    from dashboard import versies
    from dashboard.store import StoreFout

    db = Path(args.db)
    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db}")
    try:
        terug, nieuw = versies.herstel_naar(db, args.naar, args.gebruiker or _systeemgebruiker())
    except StoreFout as fout:
        print(f"Er is niets teruggezet: {fout}.", file=sys.stderr)
        return EXIT_GEWEIGERD
    print(
        f"Versie {terug} is teruggezet en vastgelegd als versie {nieuw}; de vorige import is "
        "teruggedraaid en de gegevens van toen zijn weer actief (nog eens `herstel` zet de "
        "versie van daarvoor terug)."
    )
    return EXIT_OK


def _versies(args: argparse.Namespace) -> int:
    from dashboard import versies

    db = Path(args.db)
    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db}")
    rijen = [
        {
            "versie": v.nummer,
            "tijdstip": v.tijdstip,
            "gebruiker": v.gebruiker,
            "actie": v.actie,
            "bestanden": v.omschrijving,
            "peildatum": "; ".join(f"{o} {d}" for o, d in v.peildatum.items()),
            "rijen": "; ".join(f"{s} {n}" for s, n in v.rijen.items()),
            "status": "huidig" if v.huidig else "bewaard" if v.beschikbaar else "verwijderd",
        }
        for v in versies.lijst(db)
    ]
    if not rijen:
        print("Deze gegevensopslag heeft nog geen versies (de eerste import maakt ze).")
        return EXIT_OK
    _schrijf(rijen, tuple(rijen[0]), args.formaat)
    return EXIT_OK


def _logboek(args: argparse.Namespace) -> int:
    from dashboard import appdb

    db = Path(args.db)
    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db}")
    rijen = [
        {**r, "tijdstip": r["tijdstip"].isoformat(sep=" ") if r["tijdstip"] else None}
        for r in appdb.lees_log(db)
    ]
    _schrijf(rijen, appdb.LOG_KOLOMMEN, args.formaat)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from dashboard.demo import bouw_demo_store

    db = Path(args.db) if args.db else settings().db_path
    if db.exists() and not args.opnieuw:
        print(f"De opslag {db} bestaat al (gebruik --opnieuw om hem te vervangen).")
        return EXIT_OK
    regels = bouw_demo_store(db, opnieuw=args.opnieuw)
    for regel in regels:
        print(regel)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    try:
        from dashboard.exports.overleg import exporteer_overleg
    except ImportError as exc:
        print(f"fout: export is niet beschikbaar ({exc})", file=sys.stderr)
        return EXIT_GEWEIGERD
    maand = _maand(args.maand)
    db = Path(args.db)
    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db}")
    code = exporteer_overleg(
        db,
        args.eenheid,
        maand,
        Path(args.pptx),
        Path(args.xlsx) if args.xlsx else None,
        args.min_groep,
    )
    if code == EXIT_OK:
        from dashboard import appdb
        from dashboard.rollen import LOKAAL

        appdb.schrijf_log(
            db, LOKAAL, "export", f"maandoverleg {args.eenheid} {maand}: {args.pptx}"
            + (f", {args.xlsx}" if args.xlsx else ""),
            naam=_systeemgebruiker(), maand=str(maand),
        )  # fmt: skip
    return code


def frame_als_csv(frame: pl.DataFrame) -> str:
    """A metrics frame in the CLI's CSV form (used by tests and exports)."""
    from dashboard import metrics

    regels = [",".join(metrics.CLI_KOLOMMEN)]
    for r in frame.select(metrics.CLI_KOLOMMEN).iter_rows(named=True):
        c = _cli_rij(r)
        regels.append(",".join(_csv_waarde(c[k]) for k in metrics.CLI_KOLOMMEN))
    return "\n".join(regels) + "\n"


# -- statistics: vergelijking, spc, pilot (issue 10) ---------------------------------------------

_METRIEKEN_STAT = ("verzuimpercentage", "meldingsfrequentie")
VERGELIJKING_KOLOMMEN = (
    "eenheid", "waarde", "ondergrens", "bovengrens", "funnel_95", "funnel_998", "onderdrukt",
)  # fmt: skip
SPC_KOLOMMEN = (
    "maand",
    "waarde",
    "verwacht",
    "centrale_lijn",
    "ondergrens",
    "bovengrens",
    "signaal",
)
PILOT_KOLOMMEN = (
    "metriek", "effect", "ondergrens", "bovengrens", "methode", "pre_trend_p", "oordeel",
)  # fmt: skip


def _statistiek_parsers(sub: Any) -> None:
    """The parser blocks of `vergelijking`, `spc` and `pilot`."""
    for naam, hulp in (
        ("vergelijking", "de onderliggende eenheden vergeleken: interval en funnelpositie"),
        ("spc", "regelkaart per maand, seizoensgecorrigeerd, met signalen"),
    ):
        s = sub.add_parser(naam, help=hulp)
        s.add_argument("--db", required=True)
        s.add_argument("--eenheid", required=True)
        s.add_argument("--van", required=True, help="eerste maand (JJJJ-MM)")
        s.add_argument("--tot", required=True, help="laatste maand (JJJJ-MM)")
        s.add_argument("--metriek", default="verzuimpercentage", choices=list(_METRIEKEN_STAT))
        s.add_argument("--formaat", default="csv", choices=["csv", "json"])
        s.add_argument("--min-groep", type=int, default=None)
    pil = sub.add_parser("pilot", help="het effect van een pilot met interval en oordeel")
    pil.add_argument("--db", required=True)
    pil.add_argument("--naam", required=True)
    pil.add_argument("--metriek", choices=list(_METRIEKEN_STAT), help="standaard: beide")
    pil.add_argument("--formaat", default="csv", choices=["csv", "json"])
    pil.add_argument("--min-groep", type=int, default=None)


def _context(store: Any, eenheid: str, maand: Maand, min_groep: int | None) -> Any:
    """A view context for one unit (the organisation's, Dutch), or a usage error."""
    from dashboard.hierarchy import laad_boom
    from dashboard.selectie import Selectie
    from dashboard.views import Context

    boom = laad_boom(store)
    if eenheid not in boom.eenheden:
        raise Gebruiksfout(f"onbekende eenheid '{eenheid}'")
    grens = settings().min_groep if min_groep is None else min_groep
    if grens < 0:
        raise Gebruiksfout("--min-groep moet 0 of groter zijn")
    org = boom.eenheden[eenheid].organisatie
    return Context(boom, Selectie(org, eenheid, maand), grens)


def _schrijf(rijen: list[dict[str, Any]], kolommen: Sequence[str], formaat: str) -> None:
    if formaat == "json":
        print(json.dumps(rijen, ensure_ascii=False, indent=1))
        return
    sys.stdout.write(",".join(kolommen) + "\n")
    for r in rijen:
        sys.stdout.write(",".join(_csv_waarde(r[k]) for k in kolommen) + "\n")


def _getal(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) and math.isfinite(x) else None


def _open_db(db_tekst: str) -> Any:
    db = Path(db_tekst)
    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db}")
    return _lees_store(db)


def _van_tot(args: argparse.Namespace) -> tuple[Maand, Maand]:
    """--van and --tot as months, --tot not before --van."""
    van, tot = _maand(args.van), _maand(args.tot)
    if tot < van:
        raise Gebruiksfout("--tot ligt voor --van")
    return van, tot


def _vergelijking(args: argparse.Namespace) -> int:
    from dashboard import metrics
    from dashboard.periods import Periode
    from dashboard.views import afdelingen

    van, tot = _van_tot(args)
    store = _open_db(args.db)
    try:
        ctx = _context(store, args.eenheid, tot, args.min_groep)
        try:
            v = afdelingen.vergelijking(
                store, ctx, eenheid=args.eenheid, periode=Periode("basis", van, tot),
                metriek=args.metriek,
            )  # fmt: skip
        except metrics.SelectieFout as fout:
            raise Gebruiksfout(str(fout)) from fout
    finally:
        store.close()
    rijen = []
    for r in v.eenheden.sort("eenheid").iter_rows(named=True):
        weg = bool(r["onderdrukt"]) or r["klasse_95"] is None
        rijen.append(
            {
                "eenheid": r["eenheid"],
                "waarde": None if weg else _getal(r[args.metriek]),
                "ondergrens": None if weg else _getal(r["laag"]),
                "bovengrens": None if weg else _getal(r["hoog"]),
                "funnel_95": None if weg else r["klasse_95"],
                "funnel_998": None if weg else r["klasse_998"],
                "onderdrukt": "ja" if weg else "nee",
            }
        )
    _schrijf(rijen, VERGELIJKING_KOLOMMEN, args.formaat)
    return EXIT_OK


def _spc(args: argparse.Namespace) -> int:
    from dashboard import metrics
    from dashboard.views import afdelingen

    van, tot = _van_tot(args)
    store = _open_db(args.db)
    try:
        ctx = _context(store, args.eenheid, tot, args.min_groep)
        try:
            r = afdelingen.regelkaart_van(
                store, ctx, eenheid=args.eenheid, van=van, tot=tot, metriek=args.metriek
            )
        except metrics.SelectieFout as fout:
            raise Gebruiksfout(str(fout)) from fout
    finally:
        store.close()
    rijen = [
        {
            "maand": str(Maand.of(p["van"])),
            "waarde": None if p["onderdrukt"] else _getal(p[args.metriek]),
            "verwacht": _getal(p["verwacht"]),
            "centrale_lijn": _getal(p["centrum"]),
            "ondergrens": _getal(p["ondergrens"]),
            "bovengrens": _getal(p["bovengrens"]),
            "signaal": p["signaal"] or None,
        }
        for p in r.reeks.iter_rows(named=True)
    ]
    _schrijf(rijen, SPC_KOLOMMEN, args.formaat)
    return EXIT_OK


def _pilot(args: argparse.Namespace) -> int:
    from dashboard import metrics, pilots
    from dashboard.views import pilots as pilotview

    store = _open_db(args.db)
    try:
        gevonden = [p for p in pilots.lijst(store) if p.naam == args.naam]
        if not gevonden:
            raise Gebruiksfout(f"geen pilot met de naam '{args.naam}'")
        pilot = gevonden[0]
        eenheid = next((c for c in pilot.pilot_eenheden), "")
        ctx = _context(store, eenheid, Maand.of(pilot.eind), args.min_groep)
        try:
            a = pilotview.bouw(store, ctx, pilot=pilot)
        except metrics.SelectieFout as fout:
            raise Gebruiksfout(str(fout)) from fout
    finally:
        store.close()
    rijen = []
    for k in a.kaarten:
        if args.metriek and k.metriek != args.metriek:
            continue
        effect, laag, hoog = k.rtm_absoluut if k.rtm_absoluut else (None, None, None)
        rijen.append(
            {
                "metriek": k.metriek,
                "effect": _getal(effect),
                "ondergrens": _getal(laag),
                "bovengrens": _getal(hoog),
                "methode": k.rtm.methode if k.rtm else None,
                "pre_trend_p": _getal(k.pre_trend.p) if k.pre_trend else None,
                "oordeel": k.oordeel,
            }
        )
    _schrijf(rijen, PILOT_KOLOMMEN, args.formaat)
    return EXIT_OK


_STATISTIEK_OPDRACHTEN = {"vergelijking": _vergelijking, "spc": _spc, "pilot": _pilot}


def _import_pilots(db: Path, bestand: Path) -> int:
    """`import --pilots FILE`: every pilot of the file checked first, then all stored (by name:
    an existing pilot of that name is replaced), or none."""
    from dashboard import pilots
    from dashboard.hierarchy import laad_boom
    from dashboard.store import Store

    if not db.exists():
        raise Gebruiksfout(f"gegevensopslag niet gevonden: {db} (importeer eerst de extracten)")
    try:
        inhoud = bestand.read_bytes()
    except OSError as exc:
        raise Gebruiksfout(f"bestand niet gevonden of niet leesbaar: {bestand}") from exc
    store = Store(db)
    try:
        boom = laad_boom(store)
        grens = settings().min_groep
        try:
            gelezen = pilots.lees_csv(inhoud, bestand.name)
            for pilot in gelezen:
                pilot.controleer(set(boom.eenheden))
                pilots.controleer_privacy(store, boom, pilot, grens)
            for pilot in gelezen:
                pilots.bewaar(store, pilot, boom, grens)
        except pilots.PilotFout as fout:
            print(f"Pilots geweigerd: {fout.in_taal('nl')}", file=sys.stderr)
            return EXIT_GEWEIGERD
    finally:
        store.close()
    print(
        f"{len(gelezen)} {'pilot' if len(gelezen) == 1 else 'pilots'} ingelezen uit {bestand.name}."
    )
    return EXIT_OK
