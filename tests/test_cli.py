"""The CLI contract: exit codes, the exact header, suppression, and no tracebacks."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.metrics import CLI_KOLOMMEN
from tests.conftest import csv_bytes
from tests.test_ingest import ORG, PERS, VERZ

HEADER = (
    "periode,eenheid,bezetting,fte,beschikbare_dagen,verzuimdagen,verzuimpercentage,meldingen,"
    "meldingsfrequentie,beeindigde_meldingen,gem_verzuimduur,nulverzuimpercentage,frequent_verzuim,"
    "verzuimpercentage_kort,verzuimpercentage_middellang,verzuimpercentage_lang,"
    "verzuimpercentage_extra_lang,onderdrukt"
    # new metrics come after `onderdrukt`, so that scripts reading by position keep working
    ",recidivepercentage,frequent_middellang"
)


@pytest.fixture
def bestanden(tmp_path: Path) -> dict[str, Path]:
    paden = {}
    for soort, tekst in (("organisatie", ORG), ("personeel", PERS), ("verzuim", VERZ)):
        paden[soort] = tmp_path / f"{soort}.csv"
        paden[soort].write_bytes(csv_bytes(tekst, "cp1252"))
    return paden


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def importeer(capsys, db: Path, bestanden: dict[str, Path], *extra: str) -> tuple[int, str, str]:
    args = ["import", "--db", str(db), *extra]
    for soort, pad in bestanden.items():
        args += [f"--{soort}", str(pad)]
    return run(capsys, *args)


def test_import_en_metrics_met_exacte_kop(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    code, out, _ = importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    assert code == 0 and "geslaagd" in out
    code, out, _ = run(
        capsys,
        "metrics",
        "--db",
        str(db),
        "--van",
        "2024-01",
        "--tot",
        "2024-03",
        "--min-groep",
        "0",
    )
    assert code == 0
    regels = out.splitlines()
    assert regels[0] == HEADER
    assert tuple(regels[0].split(",")) == CLI_KOLOMMEN
    rijen = list(csv.DictReader(io.StringIO(out)))
    assert [r["periode"] for r in rijen] == ["2024-01", "2024-02", "2024-03"]
    assert {r["eenheid"] for r in rijen} == {"totaal"}
    # January: p1 10 days × 1 + p2 2 days × 0,8 = 11,6 over 31 + 24,8 + 31 = 86,8 available days
    assert float(rijen[0]["verzuimdagen"]) == pytest.approx(11.6)
    assert float(rijen[0]["beschikbare_dagen"]) == pytest.approx(86.8)
    assert rijen[0]["meldingen"] == "2" and rijen[0]["onderdrukt"] == "nee"
    # March has no ended spells: the mean duration is empty, not 0
    assert rijen[2]["gem_verzuimduur"] == ""


def test_eenheden_in_opgegeven_volgorde_en_periodelabels(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    for per, labels in (
        ("kwartaal", ["2024-K1"]),
        ("jaar", ["2024"]),
        ("geheel", ["2024-01/2024-03"]),
    ):
        code, out, _ = run(
            capsys, "metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-03",
            "--per", per, "--eenheid", "B", "--eenheid", "A", "--min-groep", "0",
        )  # fmt: skip
        rijen = list(csv.DictReader(io.StringIO(out)))
        assert code == 0
        assert [r["eenheid"] for r in rijen] == ["B", "A"]
        assert {r["periode"] for r in rijen} == set(labels)


def test_standaard_minimum_onderdrukt_kleine_groepen(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    code, out, _ = run(capsys, "metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-03")
    rijen = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rijen) == 3
    for r in rijen:  # 3 employees < 10
        assert r["onderdrukt"] == "ja"
        assert all(r[k] == "" for k in CLI_KOLOMMEN[2:] if k != "onderdrukt")


def test_json_geeft_dezelfde_rijen(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    _, out_csv, _ = run(
        capsys,
        "metrics",
        "--db",
        str(db),
        "--van",
        "2024-01",
        "--tot",
        "2024-02",
        "--min-groep",
        "0",
    )
    code, out_json, _ = run(
        capsys, "metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-02", "--min-groep", "0",
        "--formaat", "json",
    )  # fmt: skip
    assert code == 0
    uit_json = json.loads(out_json)
    uit_csv = list(csv.DictReader(io.StringIO(out_csv)))
    assert len(uit_json) == len(uit_csv) == 2
    for j, c in zip(uit_json, uit_csv, strict=True):
        assert list(j) == list(CLI_KOLOMMEN)
        for k in CLI_KOLOMMEN:
            assert ("" if j[k] is None else str(j[k])) == c[k] or float(j[k]) == pytest.approx(
                float(c[k])
            )


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def test_geweigerde_import_exit_1_en_opslagbestand_onveranderd(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    voor = _hash(db)
    slecht = tmp_path / "slecht.csv"
    slecht.write_bytes(
        csv_bytes(
            PERS.replace("leeftijdsklasse", "bsn")
            .replace("25-34", "123456782")
            .replace("35-44", "111222333")
            .replace("45-54", "999999990")
        )
    )
    code, _, err = run(capsys, "import", "--db", str(db), "--personeel", str(slecht))
    assert code == 1
    assert "kolom 'bsn'" in err and "Traceback" not in err
    assert _hash(db) == voor


def test_geweigerde_import_maakt_geen_nieuwe_opslag(tmp_path, capsys):
    db = tmp_path / "nieuw.duckdb"
    leeg = tmp_path / "leeg.csv"
    leeg.write_bytes(b"")
    code, _, err = run(capsys, "import", "--db", str(db), "--personeel", str(leeg))
    assert code == 1 and "leeg" in err
    assert not db.exists()


def test_probleemrapport_als_excel(tmp_path, bestanden, capsys):
    import openpyxl

    slecht = tmp_path / "v.csv"
    slecht.write_bytes(csv_bytes(VERZ.replace("19-01-2024", "19-13-2024")))
    rapport = tmp_path / "rapport.xlsx"
    code, _, err = run(
        capsys, "import", "--db", str(tmp_path / "s.duckdb"), "--organisatie", str(bestanden["organisatie"]),
        "--personeel", str(bestanden["personeel"]), "--verzuim", str(slecht), "--rapport", str(rapport),
    )  # fmt: skip
    assert code == 1 and "rij 2" in err and "laatste_verzuimdag" in err
    ws = openpyxl.load_workbook(rapport)["Problemen"]
    assert [c.value for c in ws[1]] == ["Bestand", "Rij", "Kolom", "Waarde", "Reden"]
    assert [c.value for c in ws[2]][:4] == ["v.csv", 2, "laatste_verzuimdag", "19-13-2024"]


@pytest.mark.parametrize(
    "args",
    [
        ["metrics", "--db", "X", "--van", "2024-13", "--tot", "2024-12"],
        ["metrics", "--db", "X", "--van", "2024-01"],
        ["metrics", "--db", "X", "--van", "2024-01", "--tot", "2024-02", "--per", "week"],
        ["import", "--db", "X"],
        ["import", "--db", "X", "--personeel", "/bestaat/niet.csv"],
        ["import", "--db", "X", "--peildatum", "31-10-2026", "--personeel", "/bestaat/niet.csv"],
        ["bestaatniet"],
    ],
)
def test_gebruiksfouten_geven_exit_2(tmp_path, capsys, args):
    args = [str(tmp_path / "x.duckdb") if a == "X" else a for a in args]
    with pytest.raises(SystemExit) as exc:
        raise SystemExit(main(args))
    assert exc.value.code == 2
    assert "fout" in capsys.readouterr().err


def test_onbekende_eenheid_is_gebruiksfout(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    code, _, err = run(
        capsys,
        "metrics",
        "--db",
        str(db),
        "--van",
        "2024-01",
        "--tot",
        "2024-02",
        "--eenheid",
        "XYZ",
    )
    assert code == 2 and "onbekende eenheid 'XYZ'" in err


def test_als_module_zonder_traceback(tmp_path):
    leeg = tmp_path / "leeg.csv"
    leeg.write_bytes(b"\x00\x01binair")
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", "--db", str(tmp_path / "s.duckdb"), "--verzuim", str(leeg)],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "geen CSV- of Excel-bestand" in proc.stderr


def test_herstel_draait_de_laatste_import_terug(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    args = ["metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-03", "--min-groep", "0"]
    _, eerst, _ = run(capsys, *args)
    ander = tmp_path / "v2.csv"
    ander.write_bytes(csv_bytes(VERZ.replace("19-01-2024", "25-01-2024")))
    assert (
        run(
            capsys, "import", "--db", str(db), "--verzuim", str(ander), "--peildatum", "2024-03-31"
        )[0]
        == 0
    )
    assert run(capsys, *args)[1] != eerst
    code, out, _ = run(capsys, "herstel", "--db", str(db))
    assert code == 0 and "teruggedraaid" in out
    assert run(capsys, *args)[1] == eerst


def test_opslag_van_een_oudere_versie_wordt_bijgewerkt(tmp_path, bestanden, capsys):
    import duckdb

    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    args = ["metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-03", "--min-groep", "0"]
    _, verwacht, _ = run(capsys, *args)
    # as if the facts had been built by older SQL: drop a fact table and the build fingerprint
    con = duckdb.connect(str(db))
    con.execute("drop table feit_eenheid")
    con.execute("update bouwversie set sha256 = 'oud'")
    con.close()
    code, uit, err = run(capsys, *args)
    assert code == 0 and uit == verwacht
    assert "bijgewerkt" in err


# -- filters, groups and the publication pattern (issue 8) ----------------------------------------


def _rijen(capsys, *args: str) -> list[dict[str, str]]:
    code, out, err = run(capsys, "metrics", *args)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_groep_is_de_unie_van_zijn_eenheden(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    basis = ("--db", str(db), "--van", "2024-01", "--tot", "2024-01", "--min-groep", "0")
    los = {r["eenheid"]: r for r in _rijen(capsys, *basis, "--eenheid", "A", "--eenheid", "B")}
    (samen,) = _rijen(capsys, *basis, "--groep", "AB=A,B")
    assert samen["eenheid"] == "AB"
    # A: p1 31 days + p2 31 × 0,8; B: p3 31 days -> 86,8 available days, 11,6 absence days
    assert float(samen["beschikbare_dagen"]) == pytest.approx(86.8)
    for k in ("beschikbare_dagen", "verzuimdagen", "meldingen"):
        assert float(samen[k]) == pytest.approx(float(los["A"][k]) + float(los["B"][k])), k
    # a group that names a unit and its parent counts everyone once
    (dubbel,) = _rijen(capsys, *basis, "--groep", "X=ORG,A")
    assert float(dubbel["beschikbare_dagen"]) == pytest.approx(86.8)


def test_filter_volgt_de_api(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    basis = ("--db", str(db), "--van", "2024-01", "--tot", "2024-01", "--min-groep", "0")
    (v,) = _rijen(capsys, *basis, "--filter", "geslacht=v")
    (mv,) = _rijen(capsys, *basis, "--filter", "geslacht=m,v")
    (mv_jong,) = _rijen(
        capsys, *basis, "--filter", "geslacht=m,v", "--filter", "leeftijdsklasse=25-34"
    )
    # v: p1 alone (31 days, 10 absence days); m,v: p1 and p2 (31 + 24,8 days, 10 + 1,6)
    assert float(v["beschikbare_dagen"]) == pytest.approx(31.0)
    assert float(v["verzuimdagen"]) == pytest.approx(10.0)
    assert float(mv["beschikbare_dagen"]) == pytest.approx(55.8)
    assert float(mv["verzuimdagen"]) == pytest.approx(11.6)
    # AND across columns: m or v, and 25-34 -> p1 only
    assert float(mv_jong["beschikbare_dagen"]) == pytest.approx(31.0)


@pytest.mark.parametrize(
    "args, woord",
    [
        (("--filter", "kleur=rood"), "--filter"),
        (("--filter", "geslacht="), "--filter"),
        (("--filter", "geslacht=m", "--filter", "geslacht=v"), "twee keer"),
        (("--groep", "X"), "--groep"),
        (("--groep", "X=ONBEKEND"), "onbekende eenheid"),
        (("--groep", "A=ORG", "--eenheid", "A"), "meer dan eens"),
    ],
)
def test_ongeldige_filter_of_groep_is_een_gebruiksfout(tmp_path, bestanden, capsys, args, woord):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    code, out, err = run(
        capsys, "metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-01", *args
    )
    assert code == 2 and out == ""
    assert woord in err and "Traceback" not in err


def test_een_rij_hangt_niet_af_van_wat_er_nog_meer_gevraagd_wordt(tmp_path, bestanden, capsys):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    basis = ("--db", str(db), "--van", "2024-01", "--tot", "2024-03", "--per", "kwartaal")
    for minimum in ("0", "2", "10"):
        alleen = _rijen(capsys, *basis, "--min-groep", minimum, "--eenheid", "A")
        samen = _rijen(
            capsys, *basis, "--min-groep", minimum, "--eenheid", "B", "--eenheid", "A",
            "--eenheid", "ORG", "--groep", "AB=A,B",
        )  # fmt: skip
        assert alleen == [r for r in samen if r["eenheid"] == "A"], minimum


def test_configuratie_buiten_bereik_stopt_de_cli(tmp_path, bestanden, capsys, monkeypatch):
    db = tmp_path / "s.duckdb"
    importeer(capsys, db, bestanden, "--peildatum", "2024-03-31")
    monkeypatch.setenv("VERZUIMZICHT_MIN_GROEP", "-1")
    code, out, err = run(capsys, "metrics", "--db", str(db), "--van", "2024-01", "--tot", "2024-01")
    assert code == 2 and out == ""
    assert "VERZUIMZICHT_MIN_GROEP" in err and "Traceback" not in err
