"""Run the benchmark: import time and peak memory, then warm query times per view."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from dashboard.config import PROJECT_ROOT

BENCH_DIR = PROJECT_ROOT / "data" / "bench"


def _kind(code: str) -> dict[str, float]:
    """Run Python code in a child process; returns its JSON result plus its peak memory (MB)."""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False
    )
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, file=sys.stderr)
        raise SystemExit(f"benchmark-stap mislukt (exit {proc.returncode})")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Generate (once), import, query; print the figures."""
    from bench.generate import PEILDATUM, genereer

    db = BENCH_DIR / "bench.duckdb"
    t0 = time.perf_counter()
    paden = {s: BENCH_DIR / f"{s}.csv" for s in ("organisatie", "personeel", "verzuim")}
    if not all(p.exists() for p in paden.values()):
        paden = genereer(BENCH_DIR)
        print(f"extract gegenereerd in {time.perf_counter() - t0:.1f} s")
    for s, p in paden.items():
        print(f"  {s:12s} {p.stat().st_size / 1e6:7.1f} MB")
    for pad in (db, Path(f"{db}.wal")):
        pad.unlink(missing_ok=True)

    imp = _kind(
        "import json, time, datetime as dt\n"
        "from dashboard.cli import main\n"
        "t = time.perf_counter()\n"
        f"code = main(['import', '--db', {str(db)!r}, '--peildatum', {PEILDATUM.isoformat()!r},"
        f" '--organisatie', {str(paden['organisatie'])!r}, '--personeel', {str(paden['personeel'])!r},"
        f" '--verzuim', {str(paden['verzuim'])!r}])\n"
        "import resource\n"
        "piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps({'code': code, 'sec': time.perf_counter() - t, 'piek_mb': piek}))\n"
    )
    print(
        f"\nimport (volledig extract, één transactie): {imp['sec']:.1f} s  (doel < 60 s), "
        f"piekgeheugen {imp['piek_mb']:.0f} MB (doel < 2048 MB), exit {imp['code']:.0f}"
    )
    patroon = _kind(_PATROON_CODE.replace("DB", repr(str(db))))
    print(
        f"\npublicatiepatroon (alle maanden, alle knopen, 8 filtercombinaties; deel van de import): "
        f"{patroon['sec']:.1f} s, {patroon['verborgen']:.0f} verborgen cellen, "
        f"piekgeheugen van die stap {patroon['piek_mb']:.0f} MB"
    )
    vragen = _kind(_QUERY_CODE.replace("DB", repr(str(db))))
    print(
        f"\nqueries (warm, mediaan van 5; doel < 150 ms), piekgeheugen {vragen.pop('piek_mb'):.0f} MB:"
    )
    for naam, ms in vragen.items():
        print(f"  {naam:70s} {ms:8.1f} ms")
    _statistiek(db)
    for naam, pad in (("demo", _demo_db()), ("rijksoverheid", db)):
        paginas = _kind(_PAGINA_CODE.replace("DB", repr(str(pad))))
        piek = paginas.pop("piek_mb")
        print(
            f"\ndatawerk per pagina, {naam} (warm, mediaan van 5; doel < 150 ms), piek {piek:.0f} MB:"
        )
        for pagina, ms in paginas.items():
            print(f"  {pagina:70s} {ms:8.1f} ms")
    for naam, pad in (("demo", _demo_db()), ("rijksoverheid", db)):
        try:
            seconden = _chromium_tijd(pad)
        except Exception as fout:  # a benchmark reports, it does not crash
            print(f"\nChromium-meting ({naam}) mislukt: {fout.__class__.__name__}: {fout}")
            continue
        if seconden is None:
            print(f"\nChromium niet gevonden: tijd tot de Overzicht-grafiek ({naam}) niet gemeten")
        else:
            koud, warm = seconden
            print(
                f"\ntijd tot de Overzicht-grafiek in Chromium, {naam} (doel < 3 s): "
                f"eerste keer {koud:.2f} s, daarna {warm:.2f} s"
            )
    print(f"\ntotaal {time.perf_counter() - t0:.0f} s; datum {dt.date.today():%d-%m-%Y}")


def _demo_db() -> Path:
    """A demo store for the benchmark (built once, kept under data/bench/)."""
    from dashboard.demo import bouw_demo_store

    pad = BENCH_DIR / "demo.duckdb"
    if not pad.exists():
        bouw_demo_store(pad)
    return pad


def _chromium_tijd(db: Path) -> tuple[float, float] | None:
    """Seconds from opening the Overzicht to its chart being drawn: first and second visit."""
    from bench.server import CHROMIUM, CHROMIUM_ARGS, app

    if CHROMIUM is None:
        return None
    with app(db, wacht=120) as url:
        from playwright.sync_api import sync_playwright

        tijden = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                begin = time.perf_counter()
                page.goto(url)
                page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120000)
                tijden.append(time.perf_counter() - begin)
                page.close()
            browser.close()
        return tijden[0], min(tijden[1:])


_PAGINA_CODE = """
import json, statistics, time
from dashboard.store import Store
from dashboard.hierarchy import laad_boom
from dashboard.selectie import standaard
from dashboard.views import Context, overzicht, afdelingen, duur, enquete
from dashboard.exports import overleg as maandoverleg
from dashboard.views import pilots as pv
from dashboard import pilots
store = Store(DB, read_only=True)
boom = laad_boom(store)
sel = standaard(boom)
ctx = Context(boom, sel)
def tijd(f):
    f()
    runs = []
    for _ in range(5):
        t = time.perf_counter(); f(); runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)
r = {
  f'Overzicht ({boom.naam(sel.organisatie)}, {sel.maand})': tijd(lambda: overzicht.bouw(store, ctx)),
  'Afdelingen (onderdelen, 12 maanden)': tijd(lambda: afdelingen.bouw(store, ctx)),
  'Duur en signalen': tijd(lambda: duur.bouw(store, ctx)),
}
# a filter change: the same views with an attribute filter (the publication pattern for that
# combination of dimensions is looked up on every call)
from dashboard.metrics import Filter
ctx_f = Context(boom, sel.met(filter=Filter(geslacht=('v',))))
r['Overzicht na een filterwijziging (geslacht v)'] = tijd(lambda: overzicht.bouw(store, ctx_f))
r['Afdelingen na een filterwijziging (geslacht v)'] = tijd(lambda: afdelingen.bouw(store, ctx_f))
lijst = pv.van_organisatie(boom, pilots.lijst(store), sel.organisatie)
if lijst:
    r[f'Pilots ({lijst[-1].naam})'] = tijd(lambda: pv.bouw(store, ctx, pilot=lijst[-1]))
if enquete.metingen(store, ctx):
    r['Medewerkersonderzoek'] = tijd(lambda: enquete.bouw(store, ctx))
r['Maandoverleg: alle stappen samen (de deck; de pagina bouwt alleen de getoonde stap)'] = tijd(lambda: maandoverleg.stappen(store, ctx))
r['Maandoverleg: een stap (kerncijfers)'] = tijd(lambda: maandoverleg.stap(store, ctx, sleutel='kerncijfers'))
import resource
r['piek_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(r))
"""


_PATROON_CODE = """
import json, resource, time
from dashboard.store import Store
from dashboard import publicatie
store = Store(DB, read_only=True)
cur = store.cursor()
t = time.perf_counter()
p = publicatie.bereken(cur, 10)
sec = time.perf_counter() - t
print(json.dumps({'sec': sec, 'verborgen': p.height,
                  'piek_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


_QUERY_CODE = """
import json, statistics, time
from dashboard.store import Store
from dashboard.hierarchy import laad_boom
from dashboard import metrics
from dashboard.periods import Maand
store = Store(DB, read_only=True)
boom = laad_boom(store)
org = boom.organisaties[0]
van, tot = Maand(2016, 11), Maand(2026, 10)
def tijd(f):
    f()
    runs = []
    for _ in range(5):
        t = time.perf_counter(); f(); runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)
niveau = metrics.op_niveau(boom, org, 2)
afdelingen = metrics.op_niveau(boom, org, 3)
alle_afdelingen = [g for o in boom.organisaties for g in metrics.op_niveau(boom, o, 3)]
totaal = metrics.groepen(boom)
een = metrics.groepen(boom, [org])
def k(groepen, per, **kw):
    ps = metrics.periodes(boom, groepen, van, tot, per)
    return lambda: metrics.kerncijfers(store, boom, ps, groepen, **kw)
r = {
  f'maandcijfers 10 jaar, alle {len(niveau)} directies van een organisatie': tijd(k(niveau, 'maand')),
  f'maandcijfers 10 jaar, alle {len(afdelingen)} afdelingen van een organisatie': tijd(k(afdelingen, 'maand')),
  f'maandcijfers 10 jaar, alle {len(alle_afdelingen)} afdelingen van de hele rijksoverheid': tijd(k(alle_afdelingen, 'maand')),
  'maandcijfers 10 jaar, totaal rijksoverheid': tijd(k(totaal, 'maand')),
  'voortschrijdend 12 mnd, 10 jaar, een organisatie (zonder nulverzuim)': tijd(k(een, 'voortschrijdend', met_nulverzuim=False)),
  'voortschrijdend 12 mnd, 10 jaar, een organisatie (met nulverzuim)': tijd(k(een, 'voortschrijdend')),
  'maandcijfers 10 jaar, een organisatie, filter leeftijd 55-64': tijd(k(een, 'maand', filter=metrics.Filter(leeftijdsklasse=('55-64',)))),
  'laatste 12 maanden als één periode (nulverzuim opnieuw), een organisatie': tijd(lambda: metrics.kerncijfers(store, boom, metrics.periodes(boom, een, Maand(2025, 11), tot, 'geheel'), een)),
  'jaarcijfers 10 jaar per leeftijdsklasse, een organisatie': tijd(k(een, 'jaar', uitsplitsing='leeftijdsklasse')),
  'laden van de organisatieboom': tijd(lambda: laad_boom(store)),
  f'idem alle {len(alle_afdelingen)} afdelingen, zonder onderdrukking (kale route, min_groep 0)': tijd(k(alle_afdelingen, 'maand', min_groep=0)),
  f'idem alle {len(alle_afdelingen)} afdelingen, filter geslacht v (patroon met filtercellen)': tijd(k(alle_afdelingen, 'maand', filter=metrics.Filter(geslacht=('v',)))),
}
import resource
r['piek_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(r))
"""


def _statistiek(db: Path) -> None:
    """The person-level statistics (issue 10): sums over persons and the comparison built on
    them, at central-government scale."""
    r = _kind(_STATISTIEK_CODE.replace("DB", repr(str(db))))
    print(
        f"\nstatistiek met medewerkers als eenheid (warm, mediaan van 5; doel < 150 ms), piek {r.pop('piek_mb'):.0f} MB:"
    )
    for naam, ms in r.items():
        print(f"  {naam:70s} {ms:8.1f} ms")


_STATISTIEK_CODE = """
import json, statistics, time
from dashboard.store import Store
from dashboard.hierarchy import laad_boom
from dashboard import metrics
from dashboard.periods import Maand, Periode
from dashboard.selectie import Selectie
from dashboard.statistiek import SOMMEN, vergelijk
from dashboard.views import Context
from dashboard.views import afdelingen
store = Store(DB, read_only=True)
boom = laad_boom(store)
org = boom.organisaties[0]
tot = Maand(2026, 10)
r12 = Periode('basis', tot.plus(-11), tot)
def tijd(f):
    f()
    runs = []
    for _ in range(5):
        t = time.perf_counter(); f(); runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)
afd = metrics.op_niveau(boom, org, 3)
alle = [g for o in boom.organisaties for g in metrics.op_niveau(boom, o, 3)]
M = ['verzuimpercentage', 'meldingsfrequentie']
def som(groepen):
    return lambda: metrics.persoonsommen(store, boom, [r12], groepen, M)
def funnel(groepen):
    def f():
        s = metrics.persoonsommen(store, boom, [r12], groepen, ['verzuimpercentage'])['verzuimpercentage']
        vergelijk(s, 'dagen_per_persoon', schaal=100)
    return f
ctx = Context(boom, Selectie(org, org, tot))
r = {
  f'sommen over personen, 12 maanden, alle {len(afd)} afdelingen van een organisatie': tijd(som(afd)),
  f'sommen over personen, 12 maanden, alle {len(alle)} afdelingen van de rijksoverheid': tijd(som(alle)),
  f'sommen over personen, 24 maanden per maand, een organisatie': tijd(lambda: metrics.persoonsommen(store, boom, metrics.periodes(boom, metrics.groepen(boom, [org]), tot.plus(-23), tot, 'maand'), metrics.groepen(boom, [org]), M)),
  f'funnel met tau2, alle {len(alle)} afdelingen van de rijksoverheid': tijd(funnel(alle)),
  'Afdelingen-view (onderdelen van een organisatie, met persoonsommen en tau2)': tijd(lambda: afdelingen.bouw(store, ctx)),
  'regelkaart met seizoenscorrectie, een organisatie': tijd(lambda: afdelingen.regelkaart(store, ctx, eenheid=org)),
}
import resource
r['piek_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(r))
"""


if __name__ == "__main__":
    main()
