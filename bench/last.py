"""Load and faults (issue 14): simulated users in several app processes change filters while
CLI imports run; and kill -9 of an import at random moments.

    python -m bench.last [--processen 2] [--gebruikers 20] [--seconden 120] [--kills 10]

Each process follows the store as the app does (dashboard/ui/data.py: the version with the
file's inode, read-only) and its users (threads) ask the metrics of a random unit, period and
filter, as a page rerun does. Reported: requests answered, failures, p50/p95 seconds per request,
peak memory per process, and whether any request saw a mixed state (an import id with facts of
another version). All work on a copy of the demo store in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"


def _huidige(db: Path, cache: dict[tuple[int, int, int], Any], lock: threading.Lock) -> Any:
    from dashboard.store import open_lezen

    st = os.stat(db)
    sleutel = (st.st_dev, st.st_ino, st.st_mtime_ns)
    with lock:
        if sleutel not in cache:
            if len(cache) > 3:
                cache.pop(next(iter(cache)))
            cache[sleutel] = open_lezen(db)
        return cache[sleutel]


def _proces(db: str, gebruikers: int, seconden: float, uit: Any) -> None:
    from dashboard import metrics
    from dashboard.hierarchy import laad_boom
    from dashboard.periods import Maand

    pad = Path(db)
    cache: dict[tuple[int, int, int], Any] = {}
    lock = threading.Lock()
    tijden: list[float] = []
    fouten: list[str] = []
    gezien: dict[int, float] = {}
    gemengd: list[str] = []
    eind = time.monotonic() + seconden

    def gebruiker(nr: int) -> None:
        rng = random.Random(nr)
        while time.monotonic() < eind:
            begin = time.perf_counter()
            try:
                s = _huidige(pad, cache, lock)
                imp = int(s.sql("select max(import_id) from import_log")[0][0])
                totaal = float(
                    s.sql("select sum(verzuim_kort_e8 + beschikbaar_e4) from feit")[0][0] or 0
                )
                boom = laad_boom(s)
                eenheid = rng.choice(list(boom.eenheden))
                gs = metrics.groepen(boom, [eenheid])
                tot = boom.laatste_maand(boom.organisaties) or Maand(2026, 10)
                ps = metrics.periodes(boom, gs, tot.plus(-rng.randint(3, 24)), tot, "maand")
                f = rng.choice(
                    [metrics.Filter(), metrics.Filter(geslacht=("v",)),
                     metrics.Filter(leeftijdsklasse=("25-34", "35-44"))]
                )  # fmt: skip
                metrics.kerncijfers(s, boom, ps, gs, filter=f, min_groep=10)
                with lock:
                    if gezien.setdefault(imp, totaal) != totaal:
                        gemengd.append(f"import {imp}: {gezien[imp]} en {totaal}")
                    tijden.append(time.perf_counter() - begin)
            except Exception as fout:  # every failure is counted, none may occur
                with lock:
                    fouten.append(f"{type(fout).__name__}: {fout}")

    draden = [threading.Thread(target=gebruiker, args=(i,)) for i in range(gebruikers)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    uit.put(
        {
            "pid": os.getpid(),
            "tijden": tijden,
            "fouten": fouten[:5],
            "aantal_fouten": len(fouten),
            "gemengd": gemengd[:5],
            "versies": sorted(gezien),
            "piek_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )


def _import(db: Path, *bestanden: str) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "dashboard", "import", "--db", str(db)]
    for soort in bestanden:
        naam = {"organisatie": "organisatie.csv", "personeel": "personeel.xlsx",
                "verzuim": "verzuim.csv", "enquete": "enquete.csv"}[soort]  # fmt: skip
        args += [f"--{soort}", str(DEMO / naam)]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def last(db: Path, processen: int, gebruikers: int, seconden: float) -> dict[str, Any]:
    """Users over `processen` processes for `seconden` while full imports run back to back."""
    ctx = mp.get_context("spawn")
    uit = ctx.Queue()
    per = max(1, gebruikers // processen)
    procs = [
        ctx.Process(target=_proces, args=(str(db), per, seconden, uit)) for _ in range(processen)
    ]
    for p in procs:
        p.start()
    imports = 0
    mislukt: list[str] = []
    eind = time.monotonic() + seconden
    while time.monotonic() < eind - 5:
        proc = _import(db, "organisatie", "personeel", "verzuim", "enquete")
        _, err = proc.communicate()
        imports += 1
        if proc.returncode != 0:
            mislukt.append(err.decode(errors="replace")[-300:])
    resultaten = [uit.get(timeout=seconden + 300) for _ in procs]
    for p in procs:
        p.join()
    tijden = sorted(t for r in resultaten for t in r["tijden"])
    return {
        "processen": processen,
        "gebruikers": per * processen,
        "seconden": seconden,
        "imports": imports,
        "imports_mislukt": mislukt,
        "verzoeken": len(tijden),
        "fouten": sum(r["aantal_fouten"] for r in resultaten),
        "voorbeeld_fouten": [f for r in resultaten for f in r["fouten"]],
        "gemengd": [g for r in resultaten for g in r["gemengd"]],
        "p50_s": round(statistics.median(tijden), 3) if tijden else None,
        "p95_s": round(tijden[int(0.95 * (len(tijden) - 1))], 3) if tijden else None,
        "piek_mb_per_proces": [round(r["piek_mb"]) for r in resultaten],
        "versies_gezien": sorted({v for r in resultaten for v in r["versies"]}),
    }


def kills(db: Path, aantal: int, seed: int = 14) -> dict[str, Any]:
    """kill -9 of an import at random moments; after each the store opens (old or new version)
    and the next import works."""
    from dashboard.store import open_lezen

    rng = random.Random(seed)
    uitkomsten = []
    for _ in range(aantal):
        proc = _import(db, "verzuim")
        time.sleep(rng.uniform(0.2, 6.0))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        s = open_lezen(db)
        imp = int(s.sql("select max(import_id) from import_log")[0][0])
        s.close()
        volgende = _import(db, "verzuim")
        volgende.communicate()
        uitkomsten.append({"na_kill_import": imp, "volgende_import_code": volgende.returncode})
    return {"kills": aantal, "uitkomsten": uitkomsten,
            "allemaal_goed": all(u["volgende_import_code"] == 0 for u in uitkomsten)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.last")
    p.add_argument("--processen", type=int, default=2)
    p.add_argument("--gebruikers", type=int, default=20)
    p.add_argument("--seconden", type=float, default=120)
    p.add_argument("--kills", type=int, default=10)
    args = p.parse_args(argv)
    from dashboard.demo import bouw_demo_store

    with tempfile.TemporaryDirectory() as map_:
        db = Path(map_) / "last.duckdb"
        bouw_demo_store(db)
        uit = {"last": last(db, args.processen, args.gebruikers, args.seconden)}
        if args.kills:
            uit["kill_9"] = kills(db, args.kills)
    print(json.dumps(uit, indent=1, ensure_ascii=False))
    shutil.rmtree(map_, ignore_errors=True)
    return 0 if not uit["last"]["fouten"] and not uit["last"]["gemengd"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
