"""Refuse direct identifiers and medical information (DESIGN 2.6), by column name and by content.

Every refusal rule of an extract lives here; a refused file is not parsed any further, and a
report never repeats a value of a refused column (`maskeer`).
"""

from __future__ import annotations

import re

import polars as pl

from dashboard.ingest.columns import kolom_index, normaliseer
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
    "gebjaar", "birthyear", "geboren", "geborenop", "datumgeboorte",
}  # fmt: skip
#: 'Geb', 'geb.', 'gebdat', 'Geb. datum', 'gebdt' (but not 'gebruiker', 'gebouw', 'gebied').
_GEBOORTE_AFKORTING = re.compile(r"^geb(?:d|dt|dat|datum|dag|jr|jaar)?$")
#: Parts of a header that name medical information in any extract.
_MEDISCH_DELEN = (
    "diagnos", "oorzaak", "aandoening", "klacht", "medisch", "medical", "medicat", "medicijn",
    "ziektebeeld", "behandel", "treatment", "therap", "symptoom", "symptom", "illness", "disease",
    "icd", "cascode", "beperking", "arts",
)  # fmt: skip
#: Headers of personnel and absence extracts that hold the reason, cause or nature of an illness,
#: or free text about it (in an absence extract that is medical information whatever it is
#: called): 'Reden', 'Reason', 'Cause', 'Condition', 'Ziekte', 'Comments', 'Medical notes'.
_MEDISCH_BEGIN = ("reden", "reason", "cause", "ziekteoorzaak", "ziektenaam", "ziekteomschrijving")
_MEDISCH_EIND = (
    "reden", "redenen", "reason", "reasons", "cause", "causes", "ziekte", "ziektes", "ziekten",
)  # fmt: skip
_MEDISCH_IN = ("condition", "comment", "remark", "notes", "complaint")
#: Legitimate headers that the parts above would otherwise catch.
_GEEN_MEDISCH = ("aopercentage", "tevreden")
_VRIJE_TEKST = {
    "notitie", "notities", "opmerking", "opmerkingen", "toelichting", "memo", "notes", "note",
    "vrijetekst", "tekst", "bijzonderheden", "aantekening", "aantekeningen",
}  # fmt: skip
_VRIJE_TEKST_BEGIN = (
    "notitie", "opmerking", "toelichting", "memo", "omschrijving", "vrijetekst", "aantekening",
    "bijzonderhe",
)  # fmt: skip

_EMAIL_RE = r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}"
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
    if n in _GEBOORTE or n.startswith("geboorte") or "birth" in n or _GEBOORTE_AFKORTING.match(n):
        return "kolom bevat een geboortedatum; gebruik een leeftijdsklasse"
    if n.endswith(_GEEN_MEDISCH):
        return None
    if any(deel in n for deel in _MEDISCH_DELEN):
        return (
            "kolom bevat medische informatie (diagnose, oorzaak of aandoening); een werkgever "
            "mag die niet registreren (Autoriteit Persoonsgegevens)"
        )
    if soort not in ("personeel", "verzuim"):
        return None
    if (
        n.startswith(_MEDISCH_BEGIN)
        or n.endswith(_MEDISCH_EIND)
        or any(deel in n for deel in _MEDISCH_IN)
    ):
        return (
            "kolom kan medische informatie bevatten (reden, oorzaak of aard van het verzuim, "
            "klachten of aantekeningen); een werkgever mag die niet registreren (Autoriteit "
            "Persoonsgegevens)"
        )
    if n in _VRIJE_TEKST or n.startswith(_VRIJE_TEKST_BEGIN):
        return (
            "vrije tekst bij verzuim of personeel kan medische informatie bevatten en wordt "
            "niet ingelezen"
        )
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


#: Runs of digits with single separators: '123-46-3919', '1234.56.782', '8-10 123463919'.
_CIJFERREEKS = re.compile(r"\d+(?:[ .\-/]\d+)*")
_SCHEIDING = re.compile(r"[ .\-/]")


def _bsn_kandidaten(waarde: str) -> list[str]:
    """Every 9-digit number in a value, also written with separators, and every separate group
    of 8 or 9 digits (a BSN whose leading zero was lost). Dates ('01-01-2024') have 8 digits in
    three groups and are no candidates; a group of 10 or more digits is another kind of number."""
    uit: list[str] = []
    for reeks in _CIJFERREEKS.findall(waarde):
        groepen = _SCHEIDING.split(reeks)
        uit += [g for g in groepen if len(g) in (8, 9)]
        for i in range(len(groepen)):
            totaal = 0
            for j in range(i, len(groepen)):
                totaal += len(groepen[j])
                if totaal >= 9:
                    if totaal == 9 and j > i:
                        uit.append("".join(groepen[i : j + 1]))
                    break
    return uit


def _bsn_in_waarden(uniek: pl.Series) -> str | None:
    """The first value holding a number that passes the BSN 11-test, when such values are at
    least half of the values holding a candidate number (random 9-digit pseudonyms pass the test
    one time in eleven; one passing id among many is no BSN)."""
    mogelijk = uniek.filter(uniek.str.count_matches(r"\d") >= 8)
    if mogelijk.len() == 0:
        return None
    # plain 8- or 9-digit values (a column of numeric ids): each is its own candidate, no loop
    kaal = mogelijk.str.contains(r"^\d{8,9}$")
    eigen = pl.DataFrame({"waarde": mogelijk.filter(kaal)}).select(
        "waarde", _bsn_geldig(pl.col("waarde")).alias("geldig")
    )
    paren = [(w, k) for w in mogelijk.filter(~kaal).to_list() for k in _bsn_kandidaten(w)]
    ingebed = (
        pl.DataFrame(paren, schema={"waarde": pl.String, "k": pl.String}, orient="row")
        .group_by("waarde", maintain_order=True)
        .agg(_bsn_geldig(pl.col("k")).any().alias("geldig"))
    )
    per_waarde = pl.concat([eigen, ingebed])
    geldig = per_waarde.filter(pl.col("geldig"))["waarde"]
    if geldig.len() and geldig.len() * 2 >= per_waarde.height:
        return str(geldig[0])
    return None


# -- names of persons as values ------------------------------------------------------------------

_TUSSENVOEGSELS = {
    "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "'t", "t", "la", "le",
    "du", "da", "di", "dos", "del", "el", "al", "von", "zu", "vd", "v.d.", "v/d",
}  # fmt: skip
_HOOFDWOORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ][a-zà-öø-ÿ]+)*$")
_INITIALEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.){1,4}$")
#: Words of salary-band and staff-group names ('Hoger Kader', 'Middelbaar Niveau'), never names.
_GROEPSWOORDEN = {
    "schaal", "schalen", "groep", "niveau", "kader", "hoger", "hoog", "hoge", "lager", "laag",
    "lage", "midden", "middelbaar", "middel", "top", "management", "manager", "managers",
    "leidinggevend", "leidinggevende", "leidinggevenden", "senior", "junior", "medior", "trainee",
    "trainees", "stagiair", "stagiairs", "overig", "overige", "onbekend", "uitvoerend",
    "uitvoerende", "ondersteunend", "ondersteunende", "beleid", "beleids", "staf", "directie",
    "personeel", "medewerker", "medewerkers", "functie", "klasse", "categorie", "band", "grade",
    "scale", "level", "staff", "executive", "mbo", "hbo", "wo", "abd", "lijn", "specialist",
    "specialisten", "generalist", "professional", "professionals", "expert", "experts",
}  # fmt: skip


def _naamdelen_los(woorden: list[str]) -> tuple[bool, bool] | None:
    """(looks like a name, certainly a name) for 'Voornaam [tussenvoegsels] Achternaam'."""
    if not 2 <= len(woorden) <= 6:
        return None
    eerste, rest = woorden[0], woorden[1:]
    initialen = bool(_INITIALEN.match(eerste))
    if not (initialen or _HOOFDWOORD.match(eerste)):
        return None
    i = 0
    while i < len(rest) and rest[i].lower() in _TUSSENVOEGSELS and rest[i].islower():
        i += 1
    tussen, achter = rest[:i], rest[i:]
    if not 1 <= len(achter) <= 2 or not all(_HOOFDWOORD.match(w) for w in achter):
        return None
    return True, initialen or bool(tussen)


def _lijkt_naam(waarde: str) -> bool:
    """'Jan de Vries', 'J.P. de Groot', 'Jansen, J.', 'Vries, Jan de', 'Pieter Bakker' (but not
    'schaal 8-10', 'Hoger Kader', 'M100056')."""
    if any(c.isdigit() for c in waarde) or len(waarde) > 60:
        return False
    if waarde.count(",") == 1:
        achter, voor = (d.split() for d in waarde.split(","))
        if not achter or not voor:
            return False
        # 'Vries, Jan de' / 'Jansen, J.': surname first, then given name or initials
        zonder_tv = [w for w in voor if not (w.islower() and w in _TUSSENVOEGSELS)]
        return (
            1 <= len(achter) <= 3
            and all(_HOOFDWOORD.match(w) or w in _TUSSENVOEGSELS for w in achter)
            and len(zonder_tv) == 1
            and bool(_INITIALEN.match(zonder_tv[0]) or _HOOFDWOORD.match(zonder_tv[0]))
            and not {w.lower() for w in achter + voor} & _GROEPSWOORDEN
        )
    # initials glued to the name: 'J.P. de Groot' may come as 'J.P.de Groot'
    woorden = re.sub(r"^((?:[A-Z]\.){1,4})(?=[^\W\d_]{2})", r"\1 ", waarde).split()
    gevonden = _naamdelen_los(woorden)
    if gevonden is None:
        return False
    _, zeker = gevonden
    return zeker or not {w.lower() for w in woorden} & _GROEPSWOORDEN


#: Text columns the product keeps per person, where a name would end up on screen or in the store.
_NAAM_IN_INHOUD = {"medewerker_id", "melding_id", "schaalgroep"}


# -- age classes ---------------------------------------------------------------------------------

_JAAR = r"(?:\s*(?:jaar|jr\.?|years?))?"
_LEEFTIJDSKLASSE = [
    re.compile(rf"^(\d{{1,3}}){_JAAR}\s*(?:-|–|—|t/m|tm|tot|to)\s*(\d{{1,3}}){_JAAR}$"),
    re.compile(rf"^(?:<|<=|>|>=|≤|≥|jonger dan|ouder dan|tot|vanaf|onder|boven|under|over)\s*\d{{1,3}}{_JAAR}$"),
    re.compile(rf"^\d{{1,3}}{_JAAR}\s*(?:\+|en ouder|of ouder|en meer|and over|or older|plus)$"),
    re.compile(r"^(?:onbekend|unknown|overig|n\.?v\.?t\.?|-)$"),
]  # fmt: skip


def _is_leeftijdsklasse(waarde: str) -> bool:
    """'25-34', '25 t/m 34', '<25', '65+', '65 jaar en ouder', 'onbekend'; not '20 jaar', '47'."""
    tekst = waarde.strip().lower()
    for patroon in _LEEFTIJDSKLASSE:
        m = patroon.match(tekst)
        if m:
            # a range must span more than one age ('34-34' is an exact age)
            return m.lastindex != 2 or int(m.group(1)) < int(m.group(2))
    return False


def _reden_inhoud(waarden: pl.Series, canoniek: str | None = None) -> tuple[str, str] | None:
    """Check one column's distinct values; returns (reason, example) when it holds identifiers.

    Cheap length and character filters come first so that a column of two million dates costs
    next to nothing; the ratios are over distinct values. `canoniek` is the product's name of
    the column (None for a column it does not use): the columns it keeps get stricter checks.
    """
    uniek = waarden.drop_nulls().cast(pl.String).str.strip_chars().unique(maintain_order=True)
    uniek = uniek.filter(uniek != "")
    n = uniek.len()
    if n == 0:
        return None
    lengte = uniek.str.len_chars()

    email = uniek.filter(uniek.str.contains("@", literal=True))
    email = email.filter(email.str.contains(_EMAIL_RE))
    if email.len():
        return "kolom bevat e-mailadressen; die mogen niet worden ingelezen", str(email[0])

    bsn = _bsn_in_waarden(uniek)
    if bsn is not None:
        return (
            "kolom bevat nummers die de elfproef van het burgerservicenummer (BSN) doorstaan; "
            "gebruik pseudoniemen",
            bsn,
        )

    if canoniek == "leeftijdsklasse":
        geen_klasse = [w for w in uniek.to_list() if not _is_leeftijdsklasse(w)]
        if geen_klasse:
            return (
                "een leeftijdsklasse moet een klasse zijn zoals 25-34, <25 of 65+; een exacte "
                "leeftijd of een geboortedatum is herleidbaar tot personen",
                geen_klasse[0],
            )

    if canoniek in _NAAM_IN_INHOUD:
        tekst = uniek.filter(uniek.str.contains(r"[ ,]") & ~uniek.str.contains(r"\d"))
        naam = next((w for w in tekst.to_list() if _lijkt_naam(w)), None)
        if naam is not None:
            return (
                "kolom lijkt namen van personen te bevatten; namen mogen niet worden ingelezen "
                "(gebruik pseudoniemen en klassen)",
                naam,
            )

    postcode = uniek.filter(lengte.is_between(6, 7))
    postcode = postcode.filter(postcode.str.contains(_POSTCODE_RE))
    if postcode.len() and postcode.len() * 2 >= n:
        return "kolom bevat postcodes; die zijn herleidbaar tot personen", str(postcode[0])

    telefoon = uniek.filter(lengte.is_between(10, 18))
    schoon = telefoon.str.replace_all(r"[\s\-()]", "")
    telefoon = telefoon.filter(schoon.str.contains(_TELEFOON_RE))
    if telefoon.len() and telefoon.len() * 2 >= n:
        return "kolom bevat telefoonnummers; die mogen niet worden ingelezen", str(telefoon[0])
    return None


#: A letter or digit (not an underscore): what `maskeer` hides.
_TEKEN = r"[^\W_]"


def maskeer(waarde: str) -> str:
    """A refused value as a report shows it: every letter and digit a `*` (a long number keeps its
    last three digits, so that it can be found in the file); the shape stays, the value does not."""
    if waarde.isdigit() and len(waarde) >= 8:
        return "*" * max(0, len(waarde) - 3) + waarde[-3:]
    return re.sub(_TEKEN, "*", waarde)


def maskeer_expr(waarde: pl.Expr) -> pl.Expr:
    """`maskeer` on a column (for row reports of a column that may hold medical text)."""
    return (
        pl.when(waarde.str.contains(r"^\d{8,}$"))
        .then(pl.concat_str(waarde.str.head(-3).str.replace_all(r"\d", "*"), waarde.str.tail(3)))
        .otherwise(waarde.str.replace_all(_TEKEN, "*"))
    )


def controleer(tabel: RuweTabel, soort: str) -> pl.DataFrame:
    """Problems for every column that holds identifiers or medical information."""
    delen = [leeg_rapport()]
    index = kolom_index(tabel.indeling or soort)
    for kolomnaam, kop in zip(
        [c for c in tabel.frame.columns if c != "__rij"], tabel.koppen, strict=True
    ):
        reden = _reden_naam(kop, soort)
        waarde = ""
        if reden is None:
            gevonden = _reden_inhoud(tabel.frame[kolomnaam], index.get(normaliseer(kop)))
            if gevonden:
                reden, waarde = gevonden
        if reden:
            # never the value itself: the report is shown, printed and downloaded
            delen.append(probleem(tabel.bestand, reden, kolom=kop, waarde=maskeer(waarde)))
    return samenvoegen(delen)
