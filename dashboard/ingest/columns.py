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
    #: a required column that may be left out when one of these columns is there instead
    #: (hours per week instead of the part-time factor)
    alternatief: tuple[str, ...] = ()


#: Employee pseudonym: the product's names and those of Visma, AFAS and SIVI exports.
_MEDEWERKER: tuple[str, ...] = (
    "medewerker",
    "pseudoniem",
    "medewerkerpseudoniem",
    "personeelsnummer",
    "internnummer",
    "werknemerid",
    "medewerkernummer",
    "werknemernummer",
)
#: Incapacity written inverted (incapacity = 100 − value): recovered share, or presence as AFAS
#: writes it.
_OMGEKEERD: tuple[Kolom, ...] = (
    Kolom("percentage_hersteld", False, "getal", ("herstelpercentage", "percentagehersteld")),
    Kolom("aanwezigheidspercentage", False, "getal", ("percentageaanwezig", "aanwezigpercentage")),
)

#: The figures of the aggregated monthly layouts (dashboard.ingest.geaggregeerd), with aliases.
GEAGGREGEERDE_CIJFERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("verzuimdagen", ("ziektedagen", "aantalverzuimdagen")),
    ("beschikbare_dagen", ("beschikbaredagen", "ftedagen")),
    ("verzuimpercentage", ("zv%", "ziekteverzuimpercentage", "verzuim%")),
    ("verzuimpercentage_kort", ("zv%17", "verzuimpercentage17")),
    ("verzuimpercentage_middellang", ("zv%842", "verzuimpercentage842")),
    ("verzuimpercentage_lang", ("zv%43365", "verzuimpercentage43365")),
    ("verzuimpercentage_extra_lang", ("zv%>1jaar", "verzuimpercentage>1jaar")),
    ("meldingen", ("ziekmeldingen", "aantalziekmeldingen", "aantalmeldingen")),
    ("beeindigde_meldingen", ("herstelmeldingen", "aantalbeeindigdemeldingen")),
    ("verzuimdagen_beeindigde", ("duurbeeindigdemeldingen",)),
    ("gemiddeld_aantal_medewerkers", ("aantalmedewerkers", "bezetting", "headcount")),
    ("gemiddeld_fte", ("fte", "aantalfte")),
)  # fmt: skip

#: Columns per layout (a kind's own name is its main layout; see INDELINGEN). Aliases are
#: compared after `normaliseer` (case, spaces, _ and - ignored).
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
        Kolom("medewerker_id", True, "tekst", _MEDEWERKER),
        Kolom("eenheid", True, "tekst", ("eenheidcode", "organisatieeenheid", "orgeenheid")),
        Kolom("begindatum", True, "datum", ("datumindienst", "ingangsdatum", "startdatum")),
        Kolom("einddatum", False, "datum", ("datumuitdienst", "einddatumdienstverband")),
        Kolom(
            "deeltijdfactor",
            True,
            "getal",
            ("parttimefactor", "deeltijd", "dtf"),
            alternatief=("uren_per_week",),
        ),
        # hours instead of a factor: deeltijdfactor = hours / VERZUIMZICHT_VOLTIJD_UREN
        Kolom(
            "uren_per_week",
            False,
            "getal",
            ("arbeidsomvang", "contracturen", "contracturenperweek", "urencontract", "weekuren"),
        ),
        Kolom("leeftijdsklasse", False, "tekst", ("leeftijdscategorie", "leeftijdsgroep")),
        Kolom("geslacht", False, "tekst", ("gender", "sekse")),
        Kolom(
            "schaalgroep", False, "tekst", ("salarisschaalgroep", "schaalcategorie", "schaalklasse")
        ),
    ),
    "verzuim": (
        Kolom("medewerker_id", True, "tekst", _MEDEWERKER),
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
            (
                "begindatumverzuim",
                "ziekmeldingsdatum",
                "datumziekmelding",
                "eerstedagverzuim",
                "eersteziektedag",
            ),
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
                "percentagearbeidsongeschikt",
                "percentagearbeidsongeschiktheid",
            ),
        ),
        *_OMGEKEERD,
        Kolom("verzuimsoort", False, "tekst", ("soortverzuim", "verzuimtype", "typeverzuim")),
    ),
    # absence as events (Visma Verzuim's import, the SIVI verzuimstandaard): one row per sick
    # report, partial and full recovery; collapsed into spells by dashboard.ingest.gebeurtenissen
    "verzuim_gebeurtenissen": (
        Kolom("medewerker_id", True, "tekst", _MEDEWERKER),
        Kolom("datum", True, "datum", ("mutatiedatum", "ingangsdatum", "gebeurtenisdatum")),
        Kolom(
            "gebeurtenis",
            True,
            "tekst",
            ("soort", "mutatie", "soortmutatie", "mutatiesoort", "soortgebeurtenis"),
        ),
        Kolom(
            "ao_percentage",
            False,
            "getal",
            (
                "percentagearbeidsongeschikt",
                "percentagearbeidsongeschiktheid",
                "arbeidsongeschiktheidspercentage",
                "aopercentage",
                "percentageao",
            ),
        ),
        *_OMGEKEERD,
        Kolom("verzuimsoort", False, "tekst", ("soortverzuim", "verzuimtype", "typeverzuim")),
    ),
    "enquete": (
        Kolom("meting", True, "tekst", ("golf", "meetmoment", "jaar", "peiling")),
        Kolom("eenheid", True, "tekst", ("eenheidcode", "organisatieeenheid", "afdeling")),
        Kolom("respondenten", False, "geheel", ("aantalrespondenten", "n", "aantal")),
    ),
    # aggregated monthly figures (dashboard.ingest.geaggregeerd): the plain wide layout, one row
    # per unit and month (JJJJ-MM), with any of the figures above
    "geaggregeerd": (
        Kolom("eenheid", True, "tekst", ("eenheidcode", "orgafk", "organisatieeenheid")),
        Kolom("maand", True, "tekst", ("periode", "jaarmaand", "verslagmaand")),
        *(Kolom(naam, False, "getal", aliassen) for naam, aliassen in GEAGGREGEERDE_CIJFERS),
    ),
    # P-Direkt's monthly file: one row per unit, month and subject (`onderwerp`: zv%, zv% 1-7,
    # zv% 8-42, zv% 43-365, zv%> 1 jaar), `;`-separated with decimal commas
    "geaggregeerd_maand": (
        Kolom("organisatie", False, "tekst", ("organisatienaam",)),
        Kolom("org_afk", True, "tekst", ("organisatieafkorting", "afkorting")),
        Kolom("soort", False, "tekst"),
        Kolom("onderwerp", True, "tekst"),
        Kolom("jaar", True, "geheel"),
        Kolom("maand", False, "tekst"),
        Kolom("maand_nr", True, "geheel", ("maandnummer",), alternatief=("maand",)),
        Kolom("aantal", True, "getal", ("waarde",)),
    ),
    # P-Direkt's daily file: `Aantal zieken` (people sick that day) and `Aantal ziekmeldingen`
    # (new reports that day) per unit and day
    "geaggregeerd_dag": (
        Kolom("organisatie", False, "tekst", ("organisatienaam",)),
        Kolom("org_afk", True, "tekst", ("organisatieafkorting", "afkorting")),
        Kolom("soort", False, "tekst"),
        Kolom("onderwerp", True, "tekst"),
        Kolom("datum", True, "datum"),
        Kolom("jaar_mndnr", False, "geheel"),
        Kolom("maand_nr", False, "geheel"),
        Kolom("jaar_wknr", False, "geheel"),
        Kolom("week_nr", False, "geheel"),
        Kolom("aantal", True, "getal", ("waarde",)),
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
        Kolom("geselecteerd_op", False, "tekst", ("gekozen_op", "selectie")),
    ),
}

#: The JD-R scales of DESIGN 2.4 (other numeric columns in a survey file are kept as extra scales).
SCHALEN: tuple[str, ...] = tuple(s.sleutel for s in catalogus.SCHALEN)

_STRIP = re.compile(r"[\s_\-\.'’`´/()]+")


def normaliseer(naam: str) -> str:
    """Header name as compared: no accents, case, spaces, underscores, hyphens or quotes."""
    text = unicodedata.normalize("NFKD", str(naam)).encode("ascii", "ignore").decode()
    return _STRIP.sub("", text.strip().lower())


#: The layouts a kind of extract may come in, the main one first (a kind not listed has one).
INDELINGEN: dict[str, tuple[str, ...]] = {
    "verzuim": ("verzuim", "verzuim_gebeurtenissen"),
    # (not yet a kind in SOORTEN: read by dashboard.ingest.geaggregeerd, not yet stored)
    "geaggregeerd": ("geaggregeerd", "geaggregeerd_maand", "geaggregeerd_dag"),
}


def indelingen(soort: str) -> tuple[str, ...]:
    """The layouts of a kind (its own name when it has one layout)."""
    return INDELINGEN.get(soort, (soort,))


def soort_van(indeling: str) -> str:
    """The kind a layout belongs to."""
    return next((s for s, ins in INDELINGEN.items() if indeling in ins), indeling)


def ontbrekend(indeling: str, gevonden: set[str]) -> list[Kolom]:
    """The required columns of a layout that are missing (and have no alternative present)."""
    return [
        k
        for k in KOLOMMEN[indeling]
        if k.verplicht and k.naam not in gevonden and not set(k.alternatief) & gevonden
    ]


def kolom_index(soort: str) -> dict[str, str]:
    """Map of normalised header (canonical name or alias) to canonical column name, for one
    layout (a kind's name is its main layout)."""
    index: dict[str, str] = {}
    for kolom in KOLOMMEN[soort]:
        index[normaliseer(kolom.naam)] = kolom.naam
        for alias in kolom.aliassen:
            index[normaliseer(alias)] = kolom.naam
    if soort == "enquete":
        for schaal in SCHALEN:
            index[normaliseer(schaal)] = schaal
    return index


def herken_indeling(koppen: list[str]) -> str | None:
    """Guess the layout of an extract from its header names: the one with every required column
    and the most known columns."""
    genormaliseerd = {normaliseer(k) for k in koppen}
    scores: dict[str, float] = {}
    for soort in SOORTEN:
        for indeling in indelingen(soort):
            index = kolom_index(indeling)
            gevonden = {index[k] for k in genormaliseerd if k in index}
            if not ontbrekend(indeling, gevonden):
                scores[indeling] = len(gevonden)
    if not scores:
        return None
    return max(scores, key=lambda s: scores[s])


def herken_soort(koppen: list[str]) -> str | None:
    """Guess the kind of an extract from its header names (for uploads without a stated kind)."""
    indeling = herken_indeling(koppen)
    return None if indeling is None else soort_van(indeling)
