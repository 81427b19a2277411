"""dashboard.veilig: formula injection in every workbook and CSV, markdown and plotly text that
stays plain, whole numbers from the URL (issue 8, input side)."""

from __future__ import annotations

import io

import openpyxl
import polars as pl
import pytest

from dashboard import veilig
from dashboard.exports.xlsx import frame_naar_werkboek, rapport_xlsx
from dashboard.views.gegevens import rapport_csv
from tests.test_ingest import ORG, weiger

GEVAARLIJK = [
    '=HYPERLINK("https://voorbeeld.invalid","klik")',
    "+31 6 1234",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]


# -- 4. formula injection ------------------------------------------------------------------------


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_tekst_die_een_formule_zou_zijn_krijgt_een_apostrof(tekst):
    assert veilig.csv_tekst(tekst) == "'" + tekst
    assert veilig.celwaarde(tekst) == "'" + tekst


@pytest.mark.parametrize("tekst", ["Afdeling A", "schaal 8-10", "a=b", "< 10", "5,3%", ""])
def test_gewone_tekst_blijft_gelijk(tekst):
    assert veilig.csv_tekst(tekst) == tekst
    assert veilig.celwaarde(tekst) == tekst


def test_getallen_en_datums_blijven_getallen():
    import datetime as dt

    for v in (-1.5, -3, 0, 2.25, dt.date(2026, 10, 1), None, True):
        assert veilig.celwaarde(v) is v
    assert veilig.celwaarde(float("nan")) is None
    # a control character a workbook cannot hold is dropped, and what follows is still checked
    assert veilig.celwaarde("\x01=1+1") == "'=1+1"


def test_csv_frame_raakt_alleen_tekstkolommen():
    frame = pl.DataFrame({"naam": ["=1+1", "A", None], "getal": [-1.5, 2.0, None]})
    uit = veilig.csv_frame(frame)
    assert uit.to_dict(as_series=False) == {
        "naam": ["'=1+1", "A", None],
        "getal": [-1.5, 2.0, None],
    }
    assert uit.schema == frame.schema


def _cellen(inhoud: bytes) -> dict[str, list[tuple[object, str]]]:
    wb = openpyxl.load_workbook(io.BytesIO(inhoud))
    return {
        ws.title: [
            (c.value, c.data_type) for rij in ws.iter_rows() for c in rij if c.value is not None
        ]
        for ws in wb.worksheets
    }


def test_werkboek_schrijft_geen_formule_en_laat_getallen_getallen():
    frame = pl.DataFrame(
        {
            "Eenheid": GEVAARLIJK,
            "Verzuimpercentage": [-1.5, 2.0, 3.25, -4.0, 5.0, 6.0, 7.0],
            "Meldingen": [-1, 2, 3, 4, 5, 6, 7],
        }
    )
    buffer = io.BytesIO()
    frame_naar_werkboek(
        {"Blad": frame.rename({"Meldingen": "=Meldingen"})},
        buffer,
        toelichting=[("=Onderwerp", "-1 x"), ("Selectie", "@eenheid")],
    )
    cellen = _cellen(buffer.getvalue())
    blad = cellen["Blad"]
    assert blad[:3] == [("Eenheid", "s"), ("Verzuimpercentage", "s"), ("'=Meldingen", "s")]
    teksten = [v for v, _ in blad[3::3]]
    assert teksten == ["'" + g for g in GEVAARLIJK]
    assert [(v, d) for v, d in blad[4::3]] == [
        (-1.5, "n"), (2, "n"), (3.25, "n"), (-4, "n"), (5, "n"), (6, "n"), (7, "n"),
    ]  # fmt: skip
    assert [v for v, _ in blad[5::3]] == [-1, 2, 3, 4, 5, 6, 7]
    assert not any(d == "f" for blad_ in cellen.values() for _, d in blad_)
    assert cellen["Toelichting"][2:] == [
        ("'=Onderwerp", "s"), ("'-1 x", "s"), ("Selectie", "s"), ("'@eenheid", "s"),
    ]  # fmt: skip


def test_probleemrapport_excel_en_csv_zonder_formules():
    # an unknown unit code is repeated in the report: as text, never as a live formula
    code = '=HYPERLINK("https://voorbeeld.invalid","klik")'
    pers = (
        "medewerker_id;eenheid;begindatum;deeltijdfactor\n"
        f'p1;"{code.replace(chr(34), chr(34) * 2)}";01-01-2024;1\np2;A;01-01-2024;1'
    )
    rapport = weiger(organisatie=ORG, personeel=pers)
    assert rapport["waarde"].to_list() == [code]
    cellen = _cellen(rapport_xlsx(rapport))["Problemen"]
    assert ("'" + code, "s") in cellen
    assert not any(d == "f" for _, d in cellen)
    regels = rapport_csv(rapport).decode("utf-8-sig").splitlines()
    assert regels[1].split(";")[0:3] == ["personeel.csv", "2", "eenheid"]
    assert regels[1].split(";")[3].startswith("\"'=HYPERLINK(")


# -- 5. markdown and plotly text -----------------------------------------------------------------

KWAAD = '**vet** ![x](https://voorbeeld.invalid/x.png) <a href="https://voorbeeld.invalid">link</a>'


def test_markdown_tekst_van_een_kwaadaardige_naam():
    assert veilig.markdown_tekst(KWAAD) == (
        "\\*\\*vet\\*\\* !\\[x\\](https:\u200b//voorbeeld.invalid/x.png) "
        '\\<a href="https:\u200b//voorbeeld.invalid">link\\</a>'
    )


@pytest.mark.parametrize(
    ("naam", "veilig_"),
    [
        # product text and ordinary names stay exactly as they are
        ("Directoraat-generaal Bedrijfsvoering", "Directoraat-generaal Bedrijfsvoering"),
        ("Steun collega's, team 2: 5,3% (< 10)", "Steun collega's, team 2: 5,3% (< 10)"),
        ("P&O · 12 maanden t/m okt 2026", "P&O · 12 maanden t/m okt 2026"),
        # what would render
        ("- lijst", "\\- lijst"),
        ("1. eerste", "1\\. eerste"),
        ("# kop", "\\# kop"),
        ("> citaat", "\\> citaat"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
        ("<https://voorbeeld.invalid>", "\\<https:\u200b//voorbeeld.invalid>"),
        (":red[rood] :blue-background[x]", ":red\\[rood\\] :blue-background\\[x\\]"),
        ("$x^2$", "\\$x^2\\$"),
        ("regel\n# kop", "regel # kop"),
        ("a_b_c `code` ~~weg~~", "a_b_c \\`code\\` \\~\\~weg\\~\\~"),
        ("__vet__ _schuin_ verzuim_bsn.csv", "\\_\\_vet\\_\\_ \\_schuin\\_ verzuim_bsn.csv"),
        ("jan@example.nl www.voorbeeld.nl", "jan@\u200bexample.nl www\u200b.voorbeeld.nl"),
        ("a \\ b", "a \\\\ b"),
    ],
)
def test_markdown_tekst(naam, veilig_):
    assert veilig.markdown_tekst(naam) == veilig_


def test_plotly_tekst_en_terug():
    assert veilig.plotly_tekst("<b>P&O</b>") == "&lt;b&gt;P&O&lt;/b&gt;"
    assert veilig.plotly_platte_tekst(veilig.plotly_tekst(KWAAD)) == KWAAD
    frame = pl.DataFrame({"naam": ["<i>x</i>", None], "n": [1, 2]})
    assert veilig.plotly_namen(frame, "naam", "ontbreekt")["naam"].to_list() == [
        "&lt;i&gt;x&lt;/i&gt;",
        None,
    ]


# -- 7. whole numbers from the URL ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "uit"),
    [("3", 3), (" 12 ", 12), ("-1", -1), ("²", 7), ("³1", 7), ("1.5", 7), ("", 7), (None, 7),
     ("١", 7), ("1e3", 7), ("9" * 30, 7)],
)  # fmt: skip
def test_url_geheel(waarde, uit):
    assert veilig.url_geheel(waarde, 7) == uit
