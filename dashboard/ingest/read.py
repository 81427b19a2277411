"""Read an extract file (CSV in any of the usual encodings and separators, or XLSX) into strings.

The result keeps every cell as text plus `__rij`, the row number as the user sees it in the
spreadsheet or text editor, so that every later problem can point at the right line.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import polars as pl

from dashboard.ingest.columns import KOLOMMEN, kolom_index, normaliseer


class LeesFout(Exception):
    """The file cannot be read as an extract; the message is Dutch and names the reason."""


@dataclass
class RuweTabel:
    """An extract as read: original header names, string cells, `__rij` row numbers."""

    bestand: str
    koppen: list[str]
    frame: pl.DataFrame
    kopregel: int
    meldingen: list[str] = field(default_factory=list)
    #: rows with filled cells to the right of the last named column (a separator inside a value?)
    te_lange_rijen: list[int] = field(default_factory=list)


_BINARY_MAGIC = {
    b"%PDF": "een PDF-document",
    b"\xd0\xcf\x11\xe0": "een oud Office-bestand (.doc of .xls); sla het op als .xlsx of .csv",
    b"\x89PNG": "een afbeelding",
    b"\xff\xd8\xff": "een afbeelding",
    b"GIF8": "een afbeelding",
    b"\x1f\x8b": "een gecomprimeerd bestand",
}
_SEPARATORS = (";", ",", "\t", "|")
_MAX_KOPZOEK = 30


def lees(inhoud: bytes, bestand: str, soort: str) -> RuweTabel:
    """Read one extract; raises LeesFout with a Dutch reason when it is not a usable table."""
    if not inhoud or not inhoud.strip():
        raise LeesFout("het bestand is leeg")
    if inhoud[:2] == b"PK":
        return _lees_xlsx(inhoud, bestand, soort)
    for magic, wat in _BINARY_MAGIC.items():
        if inhoud.startswith(magic):
            raise LeesFout(f"dit is geen CSV- of Excel-bestand maar {wat}")
    return _lees_csv(_decodeer(inhoud), bestand, soort)


def _decodeer(inhoud: bytes) -> str:
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return inhoud.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LeesFout("het bestand is geen geldige UTF-16-tekst") from exc
    if b"\x00" in inhoud[:65536]:
        raise LeesFout("dit is geen CSV- of Excel-bestand (het bevat binaire gegevens)")
    if inhoud.startswith(b"\xef\xbb\xbf"):
        inhoud = inhoud[3:]
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return inhoud.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise LeesFout(
            "de tekenset van het bestand wordt niet herkend (verwacht UTF-8 of Windows-1252)"
        ) from exc


def _kop_score(cellen: list[str | None], index: dict[str, str]) -> int:
    return len({index[n] for c in cellen if c and (n := normaliseer(c)) in index})


def _zoek_kopregel(rijen: list[list[str | None]], soort: str) -> int:
    """Index of the header row: the first of the best-matching rows among the first lines."""
    index = kolom_index(soort)
    minimum = min(2, sum(k.verplicht for k in KOLOMMEN[soort]))
    beste, beste_score = -1, 0
    for i, rij in enumerate(rijen[:_MAX_KOPZOEK]):
        score = _kop_score(rij, index)
        if score > beste_score:
            beste, beste_score = i, score
    if beste_score < minimum:
        verwacht = ", ".join(k.naam for k in KOLOMMEN[soort] if k.verplicht)
        raise LeesFout(
            f"geen kopregel gevonden met de kolommen van een {soort}-extract (verwacht: {verwacht})"
        )
    return beste


def _lees_csv(tekst: str, bestand: str, soort: str) -> RuweTabel:
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    regels = tekst.split("\n", _MAX_KOPZOEK + 1)[:_MAX_KOPZOEK]
    scheiding = _kies_scheidingsteken(regels, soort)
    meldingen: list[str] = []
    try:
        frame = pl.read_csv(
            io.StringIO(tekst),
            separator=scheiding,
            has_header=False,
            infer_schema=False,
            truncate_ragged_lines=False,
            raise_if_empty=False,
            quote_char='"',
        )
        aantal_regels = tekst.rstrip("\n").count("\n") + 1
        if frame.height != aantal_regels:
            raise ValueError("cellen met regeleinden")
        frame = frame.with_columns(pl.int_range(1, frame.height + 1, dtype=pl.Int64).alias("__rij"))
    except Exception:
        # Rows of unequal length (title lines, a separator inside a value) or quoted line breaks:
        # read with the csv module, which keeps every cell and the physical line numbers.
        frame = _lees_csv_regel_voor_regel(tekst, scheiding)
    if frame.height == 0:
        raise LeesFout("het bestand bevat geen gegevens")
    return _splits_kop(frame, bestand, soort, meldingen)


def _lees_csv_regel_voor_regel(tekst: str, scheiding: str) -> pl.DataFrame:
    import csv

    reader = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    rijen: list[list[str]] = []
    nummers: list[int] = []
    begin = 1
    try:
        for cellen in reader:
            rijen.append(cellen)
            nummers.append(begin)
            begin = reader.line_num + 1
    except csv.Error as exc:
        raise LeesFout(
            f"het bestand kan niet als CSV worden gelezen (regel {begin}: {exc})"
        ) from exc
    breedte = max((len(r) for r in rijen), default=0)
    kolommen = {
        f"column_{i + 1}": [r[i] if i < len(r) else None for r in rijen] for i in range(breedte)
    }
    frame = pl.DataFrame(kolommen, schema={k: pl.String for k in kolommen})
    return frame.with_columns(pl.Series("__rij", nummers, dtype=pl.Int64))


def _kies_scheidingsteken(regels: list[str], soort: str) -> str:
    """The separator that splits some line into the most known header names."""
    index = kolom_index(soort)
    beste, beste_score = ";", (-1, -1)
    for sep in _SEPARATORS:
        score = max(
            (
                (_kop_score([c.strip().strip('"') for c in r.split(sep)], index), r.count(sep))
                for r in regels
            ),
            default=(0, 0),
        )
        if score > beste_score:
            beste, beste_score = sep, score
    return beste


def _lees_xlsx(inhoud: bytes, bestand: str, soort: str) -> RuweTabel:
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            namen = set(z.namelist())
    except zipfile.BadZipFile as exc:
        raise LeesFout("het bestand is beschadigd of geen Excel-bestand") from exc
    if "xl/workbook.xml" not in namen:
        if "word/document.xml" in namen:
            raise LeesFout("dit is een Word-document, geen CSV- of Excel-bestand")
        raise LeesFout("dit is een zip-bestand, geen Excel-werkmap (.xlsx)")
    import fastexcel

    try:
        werkmap = fastexcel.read_excel(inhoud)
        bladen = list(werkmap.sheet_names)
        blad = next((b for b in bladen if normaliseer(b) == soort), bladen[0] if bladen else None)
        if blad is None:
            raise LeesFout("de werkmap bevat geen werkbladen")
        frame = werkmap.load_sheet(blad, header_row=None, dtypes="string").to_polars()
    except LeesFout:
        raise
    except Exception as exc:  # calamine reports corrupt workbooks with various errors
        raise LeesFout(
            f"de Excel-werkmap kan niet worden gelezen ({exc.__class__.__name__})"
        ) from exc
    if frame.height == 0:
        raise LeesFout(f"werkblad '{blad}' is leeg")
    eerste = _eerste_rij_xlsx(inhoud, bladen.index(blad))
    frame = frame.with_columns(
        pl.int_range(eerste, eerste + frame.height, dtype=pl.Int64).alias("__rij")
    )
    meldingen = [f"Werkblad '{blad}' is gelezen."] if len(bladen) > 1 else []
    return _splits_kop(frame, bestand, soort, meldingen)


def _eerste_rij_xlsx(inhoud: bytes, blad_index: int) -> int:
    """Spreadsheet row number of the first non-empty row (calamine starts its range there)."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        ws = wb.worksheets[blad_index]
        for rij in ws.iter_rows(min_row=1, max_row=200):
            for cel in rij:
                if cel.value is not None and str(cel.value).strip() != "":
                    wb.close()
                    return int(cel.row)
        wb.close()
    except Exception:  # row numbers fall back to counting from 1
        return 1
    return 1


def _splits_kop(frame: pl.DataFrame, bestand: str, soort: str, meldingen: list[str]) -> RuweTabel:
    """Find the header row, name the columns after it and keep the data rows below."""
    celkolommen = [c for c in frame.columns if c != "__rij"]
    eerste_rijen = frame.head(_MAX_KOPZOEK).select(celkolommen).rows()
    kop_i = _zoek_kopregel([list(r) for r in eerste_rijen], soort)
    koppen_ruw = [("" if v is None else str(v).strip()) for v in eerste_rijen[kop_i]]
    # Drop columns without a header name; they are empty filler in exported sheets.
    bewaar = [(c, k) for c, k in zip(celkolommen, koppen_ruw, strict=True) if k]
    kopregel = int(frame["__rij"][kop_i])
    naamloos = [c for c, k in zip(celkolommen, koppen_ruw, strict=True) if not k]
    rest = frame.slice(kop_i + 1)
    te_lang: list[int] = []
    if naamloos:
        te_lang = rest.filter(
            pl.any_horizontal([pl.col(c).str.strip_chars().fill_null("") != "" for c in naamloos])
        )["__rij"].to_list()
    data = rest.select(
        [pl.col(c).str.strip_chars().alias(f"c{i}") for i, (c, _) in enumerate(bewaar)] + ["__rij"]
    )
    namen = [k for _, k in bewaar]
    data = data.rename({f"c{i}": f"{i}:{k}" for i, k in enumerate(namen)})
    celnamen = [c for c in data.columns if c != "__rij"]
    if celnamen:
        data = data.with_columns(
            [pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in celnamen]
        )
        data = data.filter(pl.any_horizontal([pl.col(c).is_not_null() for c in celnamen]))
    if data.height == 0:
        raise LeesFout("het bestand bevat een kopregel maar geen gegevensrijen")
    return RuweTabel(
        bestand=bestand,
        koppen=namen,
        frame=data,
        kopregel=kopregel,
        meldingen=meldingen,
        te_lange_rijen=te_lang,
    )
