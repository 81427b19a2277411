"""Duur en signalen, the headline cards: the four duration classes, frequent absence and open
spells past week 6, each with its change against a year earlier."""

from __future__ import annotations

from dashboard import catalogus, definitions, metrics
from dashboard import format as fmt
from dashboard.i18n import t
from dashboard.views import Context
from dashboard.views.duur.reeksen import DAGEN, Signaal, zichtbaar


def _waarden(
    nu: dict | None, toen: dict | None, sleutel: str, taal: str, verborgen: str
) -> tuple[str, str | None, str, bool]:
    """Value, change (with an ASCII minus, as st.metric reads it), last year's value, and whether
    the change rounds to zero; decimals and unit from the catalogue."""
    m = catalogus.metriek(sleutel)
    dec, suffix = m.decimalen, m.eenheid
    if nu is None or nu["geen_gegevens"]:
        return "–", None, "–", False
    if nu["onderdrukt"]:
        return verborgen, None, "–", False
    x = nu[sleutel]
    waarde = f"{fmt.getal(x, dec, taal)}{suffix}" if x is not None else "–"
    if not zichtbaar(toen) or toen is None or toen[sleutel] is None or x is None:
        return waarde, None, "–", False
    y = toen[sleutel]
    eenheid = " " + t("%-punt", taal) if suffix == "%" else ""
    delta = fmt.verschil(x - y, dec, eenheid, taal).replace("−", "-")
    return waarde, delta, f"{fmt.getal(y, dec, taal)}{suffix}", round(x - y, dec) == 0


def _kaart(
    sleutel: str,
    nu: dict | None,
    toen: dict | None,
    onderschrift: str,
    uitleg: str,
    ctx: Context,
) -> Signaal:
    """One card: label, direction, decimals and unit of the metric from the catalogue; the
    caption ends with last year's value."""
    taal = ctx.taal
    m = catalogus.metriek(sleutel)
    waarde, delta, vorig, gelijk = _waarden(nu, toen, sleutel, taal, f"< {ctx.min_groep}")
    return Signaal(
        t(m.kort, taal),
        waarde,
        delta,
        f"{onderschrift} · {t('vorig jaar', taal)} {vorig}",
        uitleg,
        lager_is_beter=m.lager_is_beter is not False,
        gelijk=gelijk,
    )


def signalen(
    nu: dict | None,
    vj: dict | None,
    r12: dict | None,
    r12_vj: dict | None,
    ctx: Context,
) -> list[Signaal]:
    """Headline numbers: the four duration classes (month or rolling year, as the comparison
    says), frequent absence and open spells past week 6 at the month's end."""
    taal = ctx.taal
    r12_basis = ctx.selectie.vergelijking == "r12"
    a, b = (r12, r12_vj) if r12_basis else (nu, vj)
    getoond = nu is not None and zichtbaar(nu)
    uitleg = definitions.kort("duurklasse", taal)
    uit = []
    for k in metrics.DUURKLASSEN:
        dagen = t("{dagen} dagen", taal, dagen=DAGEN[k])
        # on the rolling basis the cards show 12 months: say so before the day range
        onderschrift = f"{t('12 mnd', taal)} · {dagen}" if r12_basis else dagen
        uit.append(_kaart(f"verzuimpercentage_{k}", a, b, onderschrift, uitleg, ctx))
    aantal = fmt.getal(nu["frequent_verzuim"], 0, taal) if nu is not None and getoond else "–"
    frequent = f"{t('aantal', taal)} {aantal}"
    uitleg = definitions.kort("frequent_verzuim", taal)
    uit.append(_kaart("frequent_verzuim_pct", nu, vj, frequent, uitleg, ctx))
    week52 = fmt.getal(nu["voorbij_week52"], 0, taal) if nu is not None and getoond else "–"
    langdurig = f"{t('voorbij week 52', taal)}: {week52}"
    uitleg = definitions.kort("langdurig", taal)
    uit.append(_kaart("langdurig", nu, vj, langdurig, uitleg, ctx))
    return uit
