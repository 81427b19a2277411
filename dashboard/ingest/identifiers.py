"""Refuse direct identifiers and medical information (DESIGN 2.6), by column name and by content."""

from __future__ import annotations

import polars as pl

from dashboard.ingest.columns import normaliseer
from dashboard.ingest.read import RuweTabel
from dashboard.ingest.report import leeg_rapport, probleem, samenvoegen

_NAAM = {
    "naam", "achternaam", "voornaam", "voornamen", "voorletters", "tussenvoegsel", "roepnaam",
    "volledigenaam", "medewerkernaam", "naammedewerker", "geboortenaam", "meisjesnaam",
    "name", "fullname", "firstname", "lastname", "surname", "werknemernaam", "naamwerknemer",
}  # fmt: skip
_BSN = {"bsn", "burgerservicenummer", "sofinummer", "sofinr", "bsnnummer", "bsnnr"}
_EMAIL = {"email", "emailadres", "mail", "mailadres", "emailaddress"}
_ADRES = {
    "adres", "straat", "straatnaam", "huisnummer", "huisnr", "woonadres", "woonplaats",
    "postadres", "address", "street", "woonplaatsnaam",
}  # fmt: skip
_POSTCODE = {"postcode", "zipcode", "zip", "postalcode"}
_TELEFOON = {"telefoon", "telefoonnummer", "tel", "telnr", "mobiel", "mobielnummer", "gsm", "phone"}
_GEBOORTE = {
    "geboortedatum", "gebdatum", "geboortedag", "dob", "birthdate", "dateofbirth", "geboortejaar",
    "gebjaar", "birthyear",
}  # fmt: skip
_MEDISCH_DELEN = (
    "diagnose", "oorzaak", "aandoening", "klacht", "medisch", "ziektebeeld", "behandel",
    "medicatie", "symptoom", "icd", "cascode", "beperking", "arts",
)  # fmt: skip
_VRIJE_TEKST = {"notitie", "notities", "opmerking", "opmerkingen", "toelichting", "memo", "notes"}
_VRIJE_TEKST_BEGIN = ("notitie", "opmerking", "toelichting", "memo", "omschrijving", "vrijetekst")

_EMAIL_RE = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
_POSTCODE_RE = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
_TELEFOON_RE = r"^(?:\+31|0031|0)[1-9][0-9]{8}$"


def _reden_naam(kop: str, soort: str) -> str | None:
    n = normaliseer(kop)
    if n in _NAAM and not (soort == "organisatie" and n == "naam"):
        return "kolom lijkt namen van personen te bevatten; namen mogen niet worden ingelezen"
    if n in _BSN or n.startswith("bsn"):
        return "kolom bevat een burgerservicenummer (BSN); dat mag niet worden ingelezen"
    if n in _EMAIL or "email" in n:
        return "kolom bevat e-mailadressen; die mogen niet worden ingelezen"
    if n in _ADRES or n.endswith("adres"):
        return "kolom bevat adresgegevens; die mogen niet worden ingelezen"
    if n in _POSTCODE:
        return "kolom bevat postcodes; die zijn herleidbaar tot personen"
    if n in _TELEFOON or "telefoon" in n:
        return "kolom bevat telefoonnummers; die mogen niet worden ingelezen"
    if n in _GEBOORTE or n.startswith("geboorte"):
        return "kolom bevat een geboortedatum; gebruik een leeftijdsklasse"
    if any(deel in n for deel in _MEDISCH_DELEN) and n not in ("aopercentage",):
        return (
            "kolom bevat medische informatie (diagnose, oorzaak of aandoening); een werkgever "
            "mag die niet registreren (Autoriteit Persoonsgegevens)"
        )
    if soort == "verzuim" and (n in _VRIJE_TEKST or n.startswith(_VRIJE_TEKST_BEGIN)):
        return "vrije tekst bij verzuim kan medische informatie bevatten en wordt niet ingelezen"
    return None


def _bsn_geldig(waarde: pl.Expr) -> pl.Expr:
    """The 11-test of the BSN on 8- or 9-digit strings (8 digits: a leading zero was dropped)."""
    negen = waarde.str.zfill(9)
    som = pl.sum_horizontal(
        [
            negen.str.slice(i, 1).cast(pl.Int64, strict=False) * w
            for i, w in enumerate((9, 8, 7, 6, 5, 4, 3, 2))
        ]
    ) - negen.str.slice(8, 1).cast(pl.Int64, strict=False)
    return (som % 11 == 0).fill_null(False) & (negen != "000000000")


def _reden_inhoud(waarden: pl.Series) -> tuple[str, str] | None:
    """Check one column's distinct values; returns (reason, example) when it holds identifiers.

    Cheap length and character filters come first so that a column of two million dates costs
    next to nothing; the ratios are over distinct values.
    """
    uniek = waarden.drop_nulls().cast(pl.String).str.strip_chars().unique()
    uniek = uniek.filter(uniek != "")
    n = uniek.len()
    if n == 0:
        return None
    lengte = uniek.str.len_chars()

    email = uniek.filter(uniek.str.contains("@", literal=True))
    email = email.filter(email.str.contains(_EMAIL_RE))
    if email.len():
        return "kolom bevat e-mailadressen; die mogen niet worden ingelezen", str(email[0])

    cijfers = uniek.filter(lengte.is_between(8, 11)).str.replace_all(r"[\s.]", "")
    cijfers = cijfers.filter(cijfers.str.contains(r"^\d{8,9}$"))
    if cijfers.len():
        geldig = pl.DataFrame({"w": cijfers}).filter(_bsn_geldig(pl.col("w")))["w"]
        if geldig.len() and geldig.len() * 2 >= cijfers.len():
            return (
                "kolom bevat nummers die de elfproef van het burgerservicenummer (BSN) doorstaan; "
                "gebruik pseudoniemen",
                _maskeer(str(geldig[0])),
            )

    postcode = uniek.filter(lengte.is_between(6, 7))
    postcode = postcode.filter(postcode.str.contains(_POSTCODE_RE))
    if postcode.len() and postcode.len() * 2 >= n:
        return "kolom bevat postcodes; die zijn herleidbaar tot personen", str(postcode[0])

    telefoon = uniek.filter(lengte.is_between(10, 18)).str.replace_all(r"[\s\-()]", "")
    telefoon = telefoon.filter(telefoon.str.contains(_TELEFOON_RE))
    if telefoon.len() and telefoon.len() * 2 >= n:
        return "kolom bevat telefoonnummers; die mogen niet worden ingelezen", ""
    return None


def _maskeer(waarde: str) -> str:
    """Show only the last digits of a refused identifier in the report."""
    return "*" * max(0, len(waarde) - 3) + waarde[-3:]


def controleer(tabel: RuweTabel, soort: str) -> pl.DataFrame:
    """Problems for every column that holds identifiers or medical information."""
    delen = [leeg_rapport()]
    for kolomnaam, kop in zip(
        [c for c in tabel.frame.columns if c != "__rij"], tabel.koppen, strict=True
    ):
        reden = _reden_naam(kop, soort)
        waarde = ""
        if reden is None:
            gevonden = _reden_inhoud(tabel.frame[kolomnaam])
            if gevonden:
                reden, waarde = gevonden
        if reden:
            delen.append(probleem(tabel.bestand, reden, kolom=kop, waarde=waarde))
    return samenvoegen(delen)
