"""Read an extract file (CSV in any of the usual encodings and separators, or XLSX) into strings.

The result keeps every cell as text plus `__rij`, the row number as the user sees it in the
spreadsheet or text editor, so that every later problem can point at the right line.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

import polars as pl

from dashboard.ingest.columns import KOLOMMEN, indelingen, kolom_index, normaliseer


class LeesFout(Exception):
    """The file cannot be read as an extract; the message is Dutch and names the reason, `rij`
    the row (as the user sees it) where the reading stopped, when there is one."""

    def __init__(self, reden: str, rij: int | None = None) -> None:
        super().__init__(reden)
        self.rij = rij


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
    #: the layout the header row matched (columns.INDELINGEN; the kind's name for its main one)
    indeling: str = ""


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
#: The most XML an .xlsx may expand to. Excel holds at most 1,048,576 rows: a full sheet of a
#: ten-column extract is about 400 MB of XML. Reading more would take minutes and gigabytes
#: (a probe's 11,6 MB file expanded to 3 GB: 334 s and 6,8 GB before it was refused).
MAX_XLSX_XML = 512 * 1024 * 1024
_BLOK = 1024 * 1024


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


#: A character of two to four bytes in UTF-8 (Windows-1252 text almost never holds one).
_UTF8_MEERBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _regel(tekst: str | bytes, positie: int) -> int:
    """The line number (1 = first) of a position, as a text editor counts lines."""
    begin = tekst[:positie]
    voor = begin.decode("latin-1") if isinstance(begin, bytes) else begin
    # old Mac line ends: a CR without LF also ends a line
    return (voor.count("\n") or voor.count("\r")) + 1


def _decodeer(inhoud: bytes) -> str:
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            tekst = inhoud.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LeesFout("het bestand is geen geldige UTF-16-tekst") from exc
        return _zonder_nul(tekst)
    if b"\x00" in inhoud[:65536]:
        raise LeesFout("dit is geen CSV- of Excel-bestand (het bevat binaire gegevens)")
    if inhoud.startswith(b"\xef\xbb\xbf"):
        inhoud = inhoud[3:]
    try:
        return _zonder_nul(inhoud.decode("utf-8"))
    except UnicodeDecodeError as exc:
        # (only the position: the exception's traceback would keep the callers' frames, and
        # with them the store's connection, alive until the next garbage collection)
        eerste_fout = exc.start
    if _UTF8_MEERBYTE.search(inhoud):
        # UTF-8 characters elsewhere: reading it all as Windows-1252 would store garbled names
        # ('FinanciÃ«n') without a word; stop at the first line that is not UTF-8
        rij = _regel(inhoud, eerste_fout)
        raise LeesFout(
            f"het bestand is deels UTF-8 en deels Windows-1252: rij {rij} is geen geldige UTF-8 "
            "(andere rijen wel); sla het bestand opnieuw op in één tekenset, bij voorkeur UTF-8",
            rij=rij,
        )
    try:
        return _zonder_nul(inhoud.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise LeesFout(
            "de tekenset van het bestand wordt niet herkend (verwacht UTF-8 of Windows-1252)"
        ) from exc


def _zonder_nul(tekst: str) -> str:
    """The text, refused when it holds a NUL character anywhere (it would end up in a value)."""
    positie = tekst.find("\x00")
    if positie < 0:
        return tekst
    rij = _regel(tekst, positie)
    raise LeesFout(
        f"rij {rij} bevat een NUL-teken (een binair teken dat in geen waarde hoort); het bestand "
        "is beschadigd of geen tekstbestand",
        rij=rij,
    )


def _kop_score(cellen: list[str | None], index: dict[str, str]) -> int:
    return len({index[n] for c in cellen if c and (n := normaliseer(c)) in index})


def _zoek_kopregel(rijen: list[list[str | None]], soort: str) -> tuple[int, str]:
    """Index of the header row (the first of the best-matching rows among the first lines) and
    the layout it matches (of the kind's layouts, the one with the most known columns; on a tie
    the first)."""
    beste, beste_score, beste_indeling = -1, 0, soort
    for indeling in indelingen(soort):
        index = kolom_index(indeling)
        minimum = min(2, sum(k.verplicht for k in KOLOMMEN[indeling]))
        for i, rij in enumerate(rijen[:_MAX_KOPZOEK]):
            score = _kop_score(rij, index)
            if score >= minimum and score > beste_score:
                beste, beste_score, beste_indeling = i, score, indeling
    if beste < 0:
        verwacht = ", ".join(k.naam for k in KOLOMMEN[soort] if k.verplicht)
        raise LeesFout(
            f"geen kopregel gevonden met de kolommen van een {soort}-extract (verwacht: {verwacht})"
        )
    return beste, beste_indeling


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
    index = {k: v for indeling in indelingen(soort) for k, v in kolom_index(indeling).items()}
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


def controleer_xlsx(inhoud: bytes) -> None:
    """Refuse a workbook before any parser sees it: not a workbook, or expanding to more than
    MAX_XLSX_XML bytes. The sizes the zip declares are checked first (at once); then the parts
    are inflated in blocks and counted, so that a zip that understates its sizes is stopped at
    the limit too, with no more than a block in memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            delen = z.infolist()
            namen = {d.filename for d in delen}
            if "xl/workbook.xml" not in namen:
                if "word/document.xml" in namen:
                    raise LeesFout("dit is een Word-document, geen CSV- of Excel-bestand")
                raise LeesFout("dit is een zip-bestand, geen Excel-werkmap (.xlsx)")
            opgegeven = sum(d.file_size for d in delen)
            if opgegeven > MAX_XLSX_XML:
                raise _te_groot(opgegeven)
            totaal = 0
            for deel in delen:
                with z.open(deel) as f:
                    while blok := f.read(_BLOK):
                        totaal += len(blok)
                        if totaal > MAX_XLSX_XML:
                            raise _te_groot(totaal)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as exc:
        # (a zip that understates a part's size fails its checksum here)
        raise LeesFout("het bestand is beschadigd of geen Excel-bestand") from exc
    except NotImplementedError as exc:  # a compression Excel never writes
        raise LeesFout("het bestand is beschadigd of geen Excel-bestand") from exc


def _te_groot(n: int) -> LeesFout:
    mb = f"{n / 1024 / 1024:,.0f}".replace(",", ".")
    grens = f"{MAX_XLSX_XML // 1024 // 1024:,}".replace(",", ".")
    return LeesFout(
        f"de Excel-werkmap pakt uit tot meer dan {mb} MB (de grens is {grens} MB); dat is geen "
        "gewoon extract. Lever het extract als CSV aan, of verdeel het over kleinere bestanden"
    )


def _lees_xlsx(inhoud: bytes, bestand: str, soort: str) -> RuweTabel:
    controleer_xlsx(inhoud)
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
    _geen_nul(frame, celkolommen)
    eerste_rijen = frame.head(_MAX_KOPZOEK).select(celkolommen).rows()
    kop_i, indeling = _zoek_kopregel([list(r) for r in eerste_rijen], soort)
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
        indeling=indeling,
    )


def _geen_nul(frame: pl.DataFrame, celkolommen: list[str]) -> None:
    """Refuse a table with a NUL character in a cell (an Excel sheet can hold one too)."""
    if not celkolommen:
        return
    met_nul = frame.filter(
        pl.any_horizontal([pl.col(c).str.contains("\x00", literal=True) for c in celkolommen])
    )
    if met_nul.height:
        rij = int(met_nul["__rij"].min())  # type: ignore[arg-type]
        raise LeesFout(
            f"rij {rij} bevat een NUL-teken (een binair teken dat in geen waarde hoort); het "
            "bestand is beschadigd",
            rij=rij,
        )
