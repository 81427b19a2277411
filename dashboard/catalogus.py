"""The metric catalogue: every metric and every survey scale declared once.

A metric's key (its column in the metrics API and the CLI), label, unit, decimals, direction,
how it is computed from the summed facts, its statistical family, whether it adds up, which data
it needs and its definition live here. The CLI columns, the headline cards, chart labels and
axes, Excel number formats, the Toelichting and the statistics all read it; none of them
declares a metric again. Texts are Dutch sources for the translation catalogue (`N_`), translated
where they are shown.

Adding a metric: a fact column in the SQL that counts it (queries/build/feit_*.sql; it passes
through feit and feit_eenheid by itself), a `Telling` and a `Metriek` here, its English in
locale/en/LC_MESSAGES/*.po, and tests. See docs/ARCHITECTUUR.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dashboard.i18n import N_

# -- fact columns (what the metrics are made of) ---------------------------------------------------


@dataclass(frozen=True)
class Telling:
    """A column of the monthly facts (queries/build/feit.sql): summed over units and months.

    `schaal`: the facts hold exact integers, day weights scaled (1e4, 1e8); the API divides after
    summing. `einde`: a count at the end of a month (people in service on its last day), so a
    period takes its last month instead of the sum. `persoon`: a count of persons with a rare
    property, not shown with an attribute filter (docs/privacy.md).
    """

    kolom: str
    naam: str
    schaal: float = 1.0
    einde: bool = False
    persoon: bool = False


TELLINGEN: tuple[Telling, ...] = (
    Telling("bezettingsdagen", "bezettingsdagen"),
    Telling("beschikbaar_e4", "beschikbare_dagen", 1e4),
    *(Telling(f"verzuim_{k}_e8", f"verzuimdagen_{k}", 1e8)
      for k in ("kort", "middellang", "lang", "extra_lang", "ongeval")),
    Telling("meldingen", "meldingen"),
    Telling("meldingen_ongeval", "meldingen_ongeval"),
    Telling("meldingen_recidive", "meldingen_recidive"),
    Telling("beeindigd", "beeindigd"),
    Telling("beeindigd_duur", "beeindigd_duur"),
    *(Telling(f"beeindigd_{k}", f"beeindigd_{k}") for k in ("kort", "middellang", "lang", "extra_lang")),
    Telling("nul_medewerkers", "nul_medewerkers"),
    Telling("nul_zonder_verzuim", "nul_zonder_verzuim"),
    Telling("eind_in_dienst", "eind_in_dienst", einde=True),
    Telling("frequent", "frequent", einde=True, persoon=True),
    Telling("frequent_middellang", "frequent_middellang", einde=True, persoon=True),
    Telling("open_einde", "open_einde", einde=True, persoon=True),
    Telling("langdurig", "langdurig", einde=True, persoon=True),
    *(Telling(f"voorbij_week{w}", f"voorbij_week{w}", einde=True, persoon=True) for w in (42, 52, 91)),
)  # fmt: skip

#: Duration classes of an absence day (DESIGN 3), with their labels.
DUURKLASSEN: dict[str, str] = {
    "kort": N_("kort (1-7 dagen)"),
    "middellang": N_("middellang (8-42 dagen)"),
    "lang": N_("lang (43-365 dagen)"),
    "extra_lang": N_("extra lang (366+ dagen)"),
}
#: Their short labels (headline cards).
DUURKLASSEN_KORT: dict[str, str] = {
    "kort": N_("Kort"),
    "middellang": N_("Middellang"),
    "lang": N_("Lang"),
    "extra_lang": N_("Extra lang"),
}


# -- metrics ------------------------------------------------------------------------------------

#: How a metric follows from the summed facts (D = calendar days, k = months of the period).
Berekening = Literal[
    "som",  # the summed fact itself (teller)
    "per_dag",  # teller / D (an average over the days of the period)
    "procent",  # 100 × teller / noemer
    "per_jaar",  # teller / noemer × 12 / k
    "gemiddelde",  # teller / noemer
]
#: The statistical family: what the variance of a unit's value is made of (persons are the
#: sampling unit): a rate of person-days, a count per person-year, a share of persons.
Familie = Literal["dagen_per_persoon", "telling_per_persoonjaar", "aandeel_personen"]


@dataclass(frozen=True)
class Metriek:
    """One metric of DESIGN 3."""

    sleutel: str
    label: str
    berekening: Berekening
    teller: str
    noemer: str | None = None
    eenheid: str = ""  # shown after the number: "%", or "" (the label names the unit)
    decimalen: int = 1
    lager_is_beter: bool | None = True  # None: neither direction is better
    familie: Familie | None = None
    optelbaar: bool = True  # parts add up to the whole (across units, and over months for sums)
    persoonsniveau: bool = True  # needs person-level data (not computable from aggregates)
    kort_label: str = ""  # where a label must fit a fifth of the screen
    cli: Literal["", "voor", "na"] = ""  # CLI column before or after `onderdrukt`
    definitie: str = ""
    formule: str = ""
    keuzes: frozenset[str] = field(default_factory=frozenset)  # kaart, trend, afdelingen, pilot

    @property
    def kort(self) -> str:
        """The label for narrow places (a headline card)."""
        return self.kort_label or self.label


_VERZUIM_DEF = N_(
    "Het deel van de beschikbare tijd dat verloren ging door ziekte. Over meerdere maanden of "
    "eenheden is het de verhouding van de sommen, nooit een gemiddelde van percentages."
)

METRIEKEN: tuple[Metriek, ...] = (
    Metriek(
        "bezetting", N_("Bezetting"), "per_dag", "bezettingsdagen", decimalen=1,
        lager_is_beter=None, persoonsniveau=False, cli="voor",
        definitie=N_(
            "Het gemiddelde aantal medewerkers in de periode (iedere medewerker telt de dagen dat "
            "hij of zij in dienst is)."
        ),
        formule="bezetting = (aantal paren (e,d) in dienst met u(e,d) in U) / D",
    ),
    Metriek(
        "fte", N_("FTE"), "per_dag", "beschikbare_dagen", decimalen=1, lager_is_beter=None,
        persoonsniveau=False, cli="voor",
        definitie=N_("De bezetting gewogen met de deeltijdfactor."),
        formule="FTE = beschikbare dagen / D",
    ),
    Metriek(
        "beschikbare_dagen", N_("Beschikbare dagen"), "som", "beschikbare_dagen", decimalen=1,
        lager_is_beter=None, persoonsniveau=False, cli="voor",
        definitie=N_(
            "Alle kalenderdagen waarop medewerkers in dienst zijn, gewogen met hun deeltijdfactor."
        ),
        formule="beschikbare dagen = Σ f(e,d) over dagen d in P met e in dienst en u(e,d) in U",
    ),
    Metriek(
        "verzuimdagen", N_("Verzuimdagen"), "som", "verzuimdagen", decimalen=1,
        persoonsniveau=False, cli="voor",
        definitie=N_(
            "Elke dag telt naar rato van de deeltijdfactor en het percentage "
            "arbeidsongeschiktheid. Een medewerker van 0,8 die voor 50% ziek is, telt die dag voor "
            "0,4 verzuimdag. Dagen waarop iemand niet in dienst is, tellen nergens mee (ze staan "
            "bij de gegevenskwaliteit)."
        ),
        formule="w(e,d) = f(e,d) × p(e,d) / 100;   verzuimdagen = Σ w(e,d) over dagen d in P met e in dienst en u(e,d) in U",
    ),
    Metriek(
        "verzuimpercentage", N_("Verzuimpercentage"), "procent", "verzuimdagen",
        "beschikbare_dagen", eenheid="%", familie="dagen_per_persoon", persoonsniveau=False,
        cli="voor", definitie=_VERZUIM_DEF,
        formule="verzuimpercentage = 100 × verzuimdagen / beschikbare dagen",
        keuzes=frozenset({"kaart", "trend", "afdelingen", "pilot"}),
    ),
    Metriek(
        "meldingen", N_("Meldingen"), "som", "meldingen", decimalen=0, persoonsniveau=False,
        cli="voor",
        definitie=N_(
            "Het aantal nieuwe ziekmeldingen: verzuimgevallen waarvan de eerste dag in de periode "
            "ligt, bij een medewerker die die dag in dienst is in de selectie. Een geval telt één "
            "keer, ook als het uit meerdere fasen bestaat (bijvoorbeeld gedeeltelijk herstel)."
        ),
        formule="meldingen = aantal gevallen met eerste dag d0 in P, e in dienst op d0 en u(e,d0) in U",
    ),
    Metriek(
        "meldingsfrequentie", N_("Meldingsfrequentie"), "per_jaar", "meldingen", "bezetting",
        decimalen=2, familie="telling_per_persoonjaar", persoonsniveau=False, cli="voor",
        definitie=N_("Het gemiddeld aantal ziekmeldingen per medewerker per jaar."),
        formule="meldingsfrequentie = meldingen / bezetting × 12 / k",
        keuzes=frozenset({"kaart", "trend", "afdelingen", "pilot"}),
    ),
    Metriek(
        "beeindigde_meldingen", N_("Beëindigde meldingen"), "som", "beeindigd", decimalen=0,
        lager_is_beter=None, cli="voor",
        definitie=N_(
            "Verzuimgevallen waarvan de laatste dag in de periode ligt (en op of voor de "
            "peildatum), toegerekend aan de eenheid van de eerste verzuimdag."
        ),
        formule="beëindigd = gevallen met laatste dag in P (≤ peildatum), eenheid u(e,d0)",
    ),
    Metriek(
        "gem_verzuimduur", N_("Gemiddelde verzuimduur"), "gemiddelde", "beeindigd_duur",
        "beeindigd", optelbaar=False, kort_label=N_("Gem. duur (dagen)"), cli="voor",
        definitie=N_(
            "De gemiddelde lengte in kalenderdagen van de beëindigde verzuimgevallen, van de eerste "
            "tot en met de laatste dag, ook de dagen vóór de periode; zonder weging voor deeltijd of "
            "percentage."
        ),
        formule="gemiddelde duur = gemiddelde van (laatste dag − eerste dag + 1) over de beëindigde gevallen",
        keuzes=frozenset({"kaart"}),
    ),
    Metriek(
        "nulverzuimpercentage", N_("Nulverzuim"), "procent", "nul_zonder_verzuim",
        "nul_medewerkers", eenheid="%", lager_is_beter=False, familie="aandeel_personen",
        optelbaar=False, cli="voor",
        definitie=N_(
            "Het percentage medewerkers dat in de hele periode geen dag verzuimd heeft. Iedere "
            "medewerker die in de periode in dienst was, telt bij de eenheid van zijn of haar "
            "laatste dag in dienst."
        ),
        formule="nulverzuim = 100 × (medewerkers in dienst in P zonder dag met w > 0) / (medewerkers in dienst in P)",
        keuzes=frozenset({"kaart"}),
    ),
    Metriek(
        "frequent_verzuim", N_("Frequent verzuim (aantal)"), "som", "frequent", decimalen=0,
        cli="voor",
        definitie=N_(
            "Medewerkers die op de laatste dag van de maand in dienst zijn en in de twaalf maanden "
            "tot en met die maand drie of meer keer ziek gemeld zijn. Alleen als aantal per groep, "
            "nooit per persoon."
        ),
        formule="frequent = #{e in dienst op laatste dag van M, ≥ 3 meldingen met d0 in de 12 maanden t/m M}",
    ),
    Metriek(
        "frequent_verzuim_pct", N_("Frequent verzuim"), "procent", "frequent", "eind_in_dienst",
        eenheid="%", familie="aandeel_personen", optelbaar=False,
        definitie=N_(
            "Het aantal frequent verzuimers als percentage van wie op de laatste dag van de maand "
            "in dienst is."
        ),
        formule="frequent verzuim % = 100 × frequent / in dienst op de laatste dag van M",
        keuzes=frozenset({"kaart"}),
    ),
    *(
        Metriek(
            f"verzuimpercentage_{k}", label, "procent", f"verzuimdagen_{k}", "beschikbare_dagen",
            eenheid="%", familie="dagen_per_persoon", persoonsniveau=False, cli="voor",
            kort_label=DUURKLASSEN_KORT[k],
        )
        for k, label in DUURKLASSEN.items()
    ),
    Metriek(
        "verzuimpercentage_ongeval", N_("Verzuimpercentage door arbeidsongevallen"), "procent",
        "verzuimdagen_ongeval", "beschikbare_dagen", eenheid="%", familie="dagen_per_persoon",
    ),
    Metriek(
        "recidivepercentage", N_("Recidive"), "procent", "meldingen_recidive", "meldingen",
        eenheid="%", decimalen=1, cli="na", kort_label=N_("Recidive"),
        definitie=N_(
            "Het deel van de nieuwe ziekmeldingen dat binnen vier weken volgt op het vorige "
            "verzuim van dezelfde medewerker: tussen de laatste verzuimdag l en de nieuwe eerste "
            "dag d liggen hooguit 28 dagen (d − l ≤ 28; 28 telt mee, 29 niet), de regel van art. "
            "7:629 lid 10 BW. Zwangerschaps- en bevallingsverlof is geen verzuim en telt niet als "
            "vorig verzuim. Een hoog percentage wijst op terugkeer die niet beklijft."
        ),
        formule="recidive = 100 × (meldingen met d0 in P waarvan d0 − l ≤ 28, l de laatste dag van het vorige geval) / meldingen",
        keuzes=frozenset({"trend"}),
    ),
    Metriek(
        "frequent_middellang", N_("Frequent middellang verzuim (aantal)"), "som",
        "frequent_middellang", decimalen=0, cli="na", kort_label=N_("Frequent middellang"),
        definitie=N_(
            "Medewerkers die op de laatste dag van de maand in dienst zijn en in de twaalf maanden "
            "tot en met die maand twee of meer verzuimgevallen van 8 tot en met 42 dagen hadden "
            "(de lengte tot de peildatum): het signaal dat de Almeerse pilot automatiseerde, naast "
            "frequent verzuim (drie of meer meldingen). Alleen als aantal per groep, nooit per "
            "persoon."
        ),
        formule="frequent middellang = #{e in dienst op laatste dag van M, ≥ 2 gevallen van 8-42 dagen met d0 in de 12 maanden t/m M}",
    ),
    Metriek(
        "langdurig", N_("Langdurig verzuim"), "som", "langdurig", decimalen=0,
        kort_label=N_("Open > 6 weken"),
        definitie=N_(
            "Verzuimgevallen die op de laatste dag van de maand nog lopen en dan minstens 43 dagen "
            "duren (voorbij week 6); daarnaast de aantallen voorbij week 42 (ziekmelding UWV), "
            "week 52 (eerstejaarsevaluatie) en week 91 (WIA-aanvraag) van de Wet verbetering "
            "poortwachter."
        ),
        formule="langdurig = open gevallen op de laatste dag van M met dagnummer ≥ 43; week w voorbij: dagnummer ≥ 7w + 1",
    ),
)  # fmt: skip

METRIEK: dict[str, Metriek] = {m.sleutel: m for m in METRIEKEN}


def metriek(sleutel: str) -> Metriek:
    """The metric by key (KeyError for an unknown one)."""
    return METRIEK[sleutel]


def met_keuze(keuze: str) -> tuple[Metriek, ...]:
    """The metrics offered at one place: 'kaart', 'trend', 'afdelingen', 'pilot'."""
    return tuple(m for m in METRIEKEN if keuze in m.keuzes)


#: The CLI's columns, in order: a contract (scripts depend on it); new metrics go after
#: `onderdrukt`, so that scripts reading by position keep working.
CLI_KOLOMMEN: tuple[str, ...] = (
    "periode",
    "eenheid",
    *(m.sleutel for m in METRIEKEN if m.cli == "voor"),
    "onderdrukt",
    *(m.sleutel for m in METRIEKEN if m.cli == "na"),
)


#: The attribute filters (DESIGN 2.2) and their labels.
KENMERKEN: dict[str, str] = {
    "leeftijdsklasse": N_("Leeftijdsklasse"),
    "geslacht": N_("Geslacht"),
    "schaalgroep": N_("Schaalgroep"),
}


# -- terms that are not a metric of their own (Toelichting) --------------------------------------


@dataclass(frozen=True)
class Begrip:
    """A definition on the Toelichting that belongs to no single metric."""

    sleutel: str
    naam: str
    definitie: str
    formule: str


BEGRIPPEN: tuple[Begrip, ...] = (
    Begrip(
        "duurklasse",
        N_("Duurklassen"),
        N_(
            "Elke verzuimdag krijgt een klasse naar zijn dagnummer binnen het verzuimgeval: kort "
            "1-7, middellang 8-42, lang 43-365, extra lang 366 en meer. Het verzuimpercentage per "
            "duurklasse telt op tot het totaal. Aantallen gevallen per duurklasse gebruiken de hele "
            "lengte van het geval."
        ),
        "dagnummer n = d − d0 + 1",
    ),
    Begrip(
        "voortschrijdend",
        N_("Voortschrijdend jaargemiddelde"),
        N_(
            "Dezelfde maatstaf over de twaalf maanden tot en met de gekozen maand. Dat vlakt het "
            "seizoenspatroon uit."
        ),
        "waarde over de 12 maanden M−11 … M",
    ),
)


# -- survey scales (DESIGN 2.4) ------------------------------------------------------------------


@dataclass(frozen=True)
class Schaal:
    """One JD-R survey scale: its key (the column), label, group, direction and range."""

    sleutel: str
    label: str
    groep: Literal["taakeisen", "hulpbronnen", "uitkomsten", "overig"]
    richting: int = 0  # +1 higher is better, -1 lower is better, 0 neither
    bereik: tuple[float, float] = (1.0, 5.0)
    decimalen: int = 1  # a score and its change are shown with this many decimals

    @property
    def span(self) -> float:
        """Width of the scale (4 for 1-5, 6 for 0-6)."""
        return self.bereik[1] - self.bereik[0]


SCHALEN: tuple[Schaal, ...] = (
    Schaal("werkdruk", N_("Werkdruk"), "taakeisen", -1),
    Schaal("emotionele_belasting", N_("Emotionele belasting"), "taakeisen", -1),
    Schaal("autonomie", N_("Autonomie"), "hulpbronnen", 1),
    Schaal("steun_leidinggevende", N_("Steun leidinggevende"), "hulpbronnen", 1),
    Schaal("steun_collegas", N_("Steun collega's"), "hulpbronnen", 1),
    Schaal("ontwikkelmogelijkheden", N_("Ontwikkelmogelijkheden"), "hulpbronnen", 1),
    Schaal("bevlogenheid", N_("Bevlogenheid"), "uitkomsten", 1, (0.0, 6.0)),
    Schaal("uitputting", N_("Uitputting"), "uitkomsten", -1),
)
SCHAAL: dict[str, Schaal] = {s.sleutel: s for s in SCHALEN}

#: Labels of the JD-R groups.
SCHAALGROEPEN: dict[str, str] = {
    "taakeisen": N_("Taakeisen"),
    "hulpbronnen": N_("Hulpbronnen"),
    "uitkomsten": N_("Uitkomsten"),
    "overig": N_("Overige schalen"),
}


def schaal(sleutel: str) -> Schaal:
    """A scale by key; an unknown column of a survey file is an extra scale ('overig')."""
    return SCHAAL.get(sleutel) or Schaal(sleutel, sleutel.replace("_", " ").capitalize(), "overig")
