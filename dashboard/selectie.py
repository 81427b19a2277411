"""The selection every view starts from, and its form in the URL (so a link reproduces a view)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from dashboard.hierarchy import Boom
from dashboard.metrics import Filter
from dashboard.periods import Maand

VERGELIJKINGEN = ("vorig_jaar", "r12")

#: The URL parameters of the shared selection, in the order they are written.
SELECTIE_PARAMS: tuple[str, ...] = ("org", "eenheid", "maand", "vgl", "taal", "lk", "gs", "sg")
#: Attribute filters: Filter field -> URL parameter.
FILTER_PARAMS: dict[str, str] = {"leeftijdsklasse": "lk", "geslacht": "gs", "schaalgroep": "sg"}


@dataclass(frozen=True)
class Paginaparameter:
    """A page's own choice kept in the URL (so a link reproduces it) and in the session (so it
    survives a visit to another page). The page validates the value against its data."""

    pagina: str
    sleutel: str

    @property
    def sessie(self) -> str:
        """The session-state key (page-prefixed, CONVENTIONS)."""
        return f"{self.pagina}_{self.sleutel}"


#: Every page's own URL parameters, declared once (url_path -> parameters).
PAGINAPARAMETERS: dict[str, tuple[Paginaparameter, ...]] = {
    pagina: tuple(Paginaparameter(pagina, s) for s in sleutels)
    for pagina, sleutels in {
        "afdelingen": ("niveau", "basis"),
        "pilots": ("pilot",),
        "maandoverleg": (
            "stap",
            "presentatie",
            "inzoom",
            "niveau",
            "eenheden",
            "pilots",
            "schalen",
        ),
        "medewerkersonderzoek": ("meting", "niveau", "schaal"),
    }.items()
}


def pagina_parameter(pagina: str, sleutel: str) -> Paginaparameter:
    """The declaration of a page parameter (KeyError when it was never declared)."""
    for p in PAGINAPARAMETERS.get(pagina, ()):
        if p.sleutel == sleutel:
            return p
    raise KeyError(f"{pagina}.{sleutel}")


@dataclass(frozen=True)
class Selectie:
    """Organisation, unit, month, comparison, attribute filter and language of one view."""

    organisatie: str
    eenheid: str
    maand: Maand
    vergelijking: str = "vorig_jaar"
    filter: Filter = field(default_factory=Filter)
    taal: str = "nl"

    def naar_url(self) -> dict[str, str]:
        """Explicit query parameters (never 'latest': a copied link keeps showing this month)."""
        params = {
            "org": self.organisatie,
            "eenheid": self.eenheid,
            "maand": str(self.maand),
            "vgl": self.vergelijking,
            "taal": self.taal,
        }
        for naam, sleutel in FILTER_PARAMS.items():
            waarden = getattr(self.filter, naam)
            if waarden:
                params[sleutel] = ",".join(waarden)
        return params

    def met(self, **wijzigingen: object) -> Selectie:
        """A copy with some fields changed."""
        return replace(self, **wijzigingen)  # type: ignore[arg-type]


def standaard(boom: Boom, toegang: frozenset[str] | None = None) -> Selectie | None:
    """The default view: the first organisation the user may see, its last complete month."""
    organisaties = [o for o in boom.organisaties if toegang is None or o in toegang]
    if not organisaties:
        return None
    # the largest organisation first: it is the one most people come for
    org = max(organisaties, key=lambda o: (len(boom.afstammelingen(o)), o))
    maand = boom.laatste_maand([org])
    if maand is None:
        return None
    return Selectie(organisatie=org, eenheid=org, maand=maand)


def uit_url(
    params: Mapping[str, str],
    boom: Boom,
    toegang: frozenset[str] | None = None,
    opties: Mapping[str, tuple[str, ...]] | None = None,
) -> Selectie | None:
    """Read a selection from query parameters; invalid or forbidden values fall back to defaults.

    `opties` lists the valid attribute values per filter (leeftijdsklasse, geslacht, schaalgroep).
    """
    basis = standaard(boom, toegang)
    if basis is None:
        return None
    org = params.get("org", "")
    if org not in boom.eenheden or boom.eenheden[org].ouder is not None:
        org = basis.organisatie
    if toegang is not None and org not in toegang:
        org = basis.organisatie
    eenheid = params.get("eenheid", org)
    if eenheid not in boom.eenheden or boom.eenheden[eenheid].organisatie != org:
        eenheid = org
    laatste = boom.laatste_maand([org]) or basis.maand
    try:
        maand = Maand.parse(params.get("maand", ""))
    except ValueError:
        maand = laatste
    maand = min(maand, laatste)
    vergelijking = params.get("vgl", "vorig_jaar")
    if vergelijking not in VERGELIJKINGEN:
        vergelijking = "vorig_jaar"
    taal = params.get("taal", "nl")
    if taal not in ("nl", "en"):
        taal = "nl"
    opties = opties or {}

    def waarden(sleutel: str, naam: str) -> tuple[str, ...]:
        gekozen = [w for w in params.get(sleutel, "").split(",") if w]
        toegestaan = opties.get(naam)
        return tuple(w for w in gekozen if toegestaan is None or w in toegestaan)

    return Selectie(
        organisatie=org,
        eenheid=eenheid,
        maand=maand,
        vergelijking=vergelijking,
        filter=Filter(**{naam: waarden(sleutel, naam) for naam, sleutel in FILTER_PARAMS.items()}),
        taal=taal,
    )
