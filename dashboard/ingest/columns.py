"""The extract formats of DESIGN section 2: canonical columns and their documented aliases."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from dashboard import catalogus

Soort = Literal["organisatie", "personeel", "verzuim", "enquete"]
SOORTEN: tuple[Soort, ...] = ("organisatie", "personeel", "verzuim", "enquete")

Type = Literal["tekst", "datum", "getal", "geheel"]


@dataclass(frozen=True)
class Kolom:
    """One column of an extract."""

    naam: str
    verplicht: bool
    type: Type
    aliassen: tuple[str, ...] = ()


#: Columns per kind. Aliases are compared after `normaliseer` (case, spaces, _ and - ignored).
KOLOMMEN: dict[str, tuple[Kolom, ...]] = {
    "organisatie": (
        Kolom(
            "eenheid", True, "tekst", ("eenheidcode", "code", "organisatieeenheid", "orgeenheid")
        ),
        Kolom("naam", True, "tekst", ("eenheidnaam", "omschrijving", "naameenheid")),
        Kolom(
            "bovenliggende_eenheid",
            False,
            "tekst",
            ("bovenliggend", "bovenliggendecode", "ouder", "oudereenheid", "parent"),
        ),
    ),
    "personeel": (
        Kolom("medewerker_id", True, "tekst", ("medewerker", "pseudoniem", "medewerkerpseudoniem")),
        Kolom("eenheid", True, "tekst", ("eenheidcode", "organisatieeenheid", "orgeenheid")),
        Kolom("begindatum", True, "datum", ("datumindienst", "ingangsdatum", "startdatum")),
        Kolom("einddatum", False, "datum", ("datumuitdienst", "einddatumdienstverband")),
        Kolom("deeltijdfactor", True, "getal", ("parttimefactor", "deeltijd", "dtf")),
        Kolom("leeftijdsklasse", False, "tekst", ("leeftijdscategorie", "leeftijdsgroep")),
        Kolom("geslacht", False, "tekst", ("gender", "sekse")),
        Kolom(
            "schaalgroep", False, "tekst", ("salarisschaalgroep", "schaalcategorie", "schaalklasse")
        ),
    ),
    "verzuim": (
        Kolom("medewerker_id", True, "tekst", ("medewerker", "pseudoniem", "medewerkerpseudoniem")),
        Kolom(
            "melding_id",
            False,
            "tekst",
            ("melding", "meldingsnummer", "verzuimmelding", "ziekmeldingid"),
        ),
        Kolom(
            "eerste_verzuimdag",
            True,
            "datum",
            ("begindatumverzuim", "ziekmeldingsdatum", "datumziekmelding", "eerstedagverzuim"),
        ),
        Kolom("laatste_verzuimdag", False, "datum", ("einddatumverzuim", "laatstedagverzuim")),
        Kolom(
            "hersteldatum",
            False,
            "datum",
            ("datumherstel", "herstelmeldingsdatum", "datumhersteld"),
        ),
        Kolom(
            "ao_percentage",
            False,
            "getal",
            (
                "arbeidsongeschiktheidspercentage",
                "aopercentage",
                "percentageao",
                "ongeschiktheidspercentage",
            ),
        ),
        Kolom("verzuimsoort", False, "tekst", ("soortverzuim", "verzuimtype", "typeverzuim")),
    ),
    "enquete": (
        Kolom("meting", True, "tekst", ("golf", "meetmoment", "jaar", "peiling")),
        Kolom("eenheid", True, "tekst", ("eenheidcode", "organisatieeenheid", "afdeling")),
        Kolom("respondenten", False, "geheel", ("aantalrespondenten", "n", "aantal")),
    ),
    # not an extract: the pilot definitions of data/demo/pilots.csv (see dashboard/pilots.py)
    "pilots": (
        Kolom("naam", True, "tekst", ("pilot", "pilotnaam")),
        Kolom("omschrijving", False, "tekst", ("beschrijving",)),
        Kolom("begin", True, "datum", ("begindatum", "start")),
        Kolom("eind", True, "datum", ("einddatum",)),
        Kolom("pilot_eenheden", True, "tekst", ("pilot_eenheid", "eenheden")),
        Kolom("vergelijk_eenheden", False, "tekst", ("vergelijkingseenheden", "vergelijkeenheid")),
        Kolom("selectie_reden", False, "tekst", ("selectiereden", "reden")),
    ),
}

#: The JD-R scales of DESIGN 2.4 (other numeric columns in a survey file are kept as extra scales).
SCHALEN: tuple[str, ...] = tuple(s.sleutel for s in catalogus.SCHALEN)

_STRIP = re.compile(r"[\s_\-\.'’`´/()]+")


def normaliseer(naam: str) -> str:
    """Header name as compared: no accents, case, spaces, underscores, hyphens or quotes."""
    text = unicodedata.normalize("NFKD", str(naam)).encode("ascii", "ignore").decode()
    return _STRIP.sub("", text.strip().lower())


def kolom_index(soort: str) -> dict[str, str]:
    """Map of normalised header (canonical name or alias) to canonical column name."""
    index: dict[str, str] = {}
    for kolom in KOLOMMEN[soort]:
        index[normaliseer(kolom.naam)] = kolom.naam
        for alias in kolom.aliassen:
            index[normaliseer(alias)] = kolom.naam
    if soort == "enquete":
        for schaal in SCHALEN:
            index[normaliseer(schaal)] = schaal
    return index


def herken_soort(koppen: list[str]) -> str | None:
    """Guess the kind of an extract from its header names (for uploads without a stated kind)."""
    genormaliseerd = {normaliseer(k) for k in koppen}
    scores: dict[str, float] = {}
    for soort in SOORTEN:
        verplicht = [k for k in KOLOMMEN[soort] if k.verplicht]
        index = kolom_index(soort)
        gevonden = {index[k] for k in genormaliseerd if k in index}
        if all(k.naam in gevonden for k in verplicht):
            scores[soort] = len(gevonden)
    if not scores:
        return None
    return max(scores, key=lambda s: scores[s])
