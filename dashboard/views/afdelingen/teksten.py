"""Afdelingen, the texts: titles that state what the statistics allow, subtitles, explanations.

"Boven" (above) is only ever claimed from the funnel's 99.8% classification, never from the
ranking alone. Every text is a whole Dutch sentence for the translation catalogue; the unit kind
('afdeling', 'directie', ...) and counts of units go in as placeholders, with `tn` for plurals.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard import catalogus, statistiek
from dashboard import format as fmt
from dashboard.hierarchy import Boom
from dashboard.i18n import N_, t, tn
from dashboard.statistiek import spc
from dashboard.views import Context, Kader, periode_tekst
from dashboard.views.afdelingen.model import (
    ONDERDELEN,
    Afdelingen,
    Regelkaart,
    soort,
    volgorde,
)

#: Unit kinds: (singular, plural) as they stand inside a sentence.
SOORTEN: dict[str, tuple[str, str]] = {
    "directoraat-generaal": (N_("directoraat-generaal"), N_("directoraten-generaal")),
    "directie": (N_("directie"), N_("directies")),
    "afdeling": (N_("afdeling"), N_("afdelingen")),
    "eenheid": (N_("eenheid"), N_("eenheden")),
}

#: Funnel position at the 99.8% limits, in words (legend, hover, table).
POSITIES: dict[str, str] = {
    "boven": N_("boven de 99,8%-grens"),
    "binnen": N_("binnen de grenzen"),
    "onder": N_("onder de 99,8%-grens"),
}

#: The control chart's signals (statistiek.spc rule names) as texts: (msgid, number of months).
_SIGNALEN: dict[str, tuple[str, int | None]] = {
    spc.BUITEN: (N_("buiten de grenzen"), None),
    spc.TWEE_VAN_DRIE: (N_("2 van 3 maanden voorbij 2σ"), None),
    spc.VERSCHUIVING_BOVEN: (N_("{n} maanden boven het verwachte"), spc.VERSCHUIVING),
    spc.VERSCHUIVING_ONDER: (N_("{n} maanden onder het verwachte"), spc.VERSCHUIVING),
    spc.STIJGEND: (N_("{n} maanden stijgend"), spc.TREND),
    spc.DALEND: (N_("{n} maanden dalend"), spc.TREND),
}


@dataclass(frozen=True)
class Omvang:
    """How a funnel's size axis reads for a statistical family (FTE or bezetting)."""

    naam: str
    as_titel: str
    hover: str
    decimalen: int


_OMVANG: dict[str, Omvang] = {
    "dagen_per_persoon": Omvang(
        N_("FTE"), N_("Omvang: FTE (gemiddeld over de periode)"), N_("{x} FTE"), 1
    ),
    "telling_per_persoonjaar": Omvang(
        N_("bezetting"),
        N_("Omvang: bezetting (gemiddeld aantal medewerkers)"),
        N_("bezetting {x}"),
        0,
    ),
}


def omvang(metriek: str) -> Omvang:
    """The funnel's size for a metric: FTE for a rate of days, bezetting for a count per year."""
    return _OMVANG[catalogus.metriek(metriek).familie or "dagen_per_persoon"]


def signaal_tekst(signaal: str | None, taal: str = "nl") -> str:
    """A control-chart signal in words ('' for none)."""
    if not signaal:
        return ""
    sjabloon, n = _SIGNALEN.get(signaal, (signaal, None))
    return t(sjabloon, taal) if n is None else t(sjabloon, taal, n=n)


def positie_tekst(klasse: str | None, taal: str = "nl") -> str | None:
    """A funnel position in words (None when unknown)."""
    return t(POSITIES[klasse], taal) if klasse in POSITIES else None


def soort_woord(a: Afdelingen, taal: str, *, meervoud: bool = False) -> str:
    """'afdeling' or 'afdelingen' (the kind of the shown units)."""
    enkel, meer = SOORTEN[a.soort]
    return t(meer, taal) if meervoud else t(enkel, taal)


def aantal(n: int, soort_: str, taal: str = "nl") -> str:
    """'1 afdeling', '3 afdelingen'."""
    if soort_ == "directoraat-generaal":
        return tn("{n} directoraat-generaal", "{n} directoraten-generaal", n, taal)
    if soort_ == "directie":
        return tn("{n} directie", "{n} directies", n, taal)
    if soort_ == "afdeling":
        return tn("{n} afdeling", "{n} afdelingen", n, taal)
    return tn("{n} eenheid", "{n} eenheden", n, taal)


def waarde_tekst(x: float | None, metriek: str, taal: str = "nl") -> str:
    """'5,3%' or '1,23 per jaar' (decimals and unit from the catalogue)."""
    m = catalogus.metriek(metriek)
    if m.eenheid == "%":
        return fmt.procent(x, m.decimalen, taal)
    getal = fmt.getal(x, m.decimalen, taal)
    return t("{x} per jaar", taal, x=getal) if m.berekening == "per_jaar" else getal


def waarde_kort(x: float | None, metriek: str, taal: str = "nl") -> str:
    """'5,3%' or '1,23': the number with its unit sign, for inside a chart."""
    m = catalogus.metriek(metriek)
    return f"{fmt.getal(x, m.decimalen, taal)}{m.eenheid}"


def as_titel(metriek: str, taal: str = "nl") -> str:
    """'Verzuimpercentage (%)' or 'Meldingsfrequentie'."""
    m = catalogus.metriek(metriek)
    label = t(m.label, taal)
    return f"{label} ({m.eenheid})" if m.eenheid else label


# -- the page and its levels ---------------------------------------------------------------------


def niveau_label(boom: Boom, organisatie: str, niveau: int, taal: str = "nl") -> str:
    """'Onder de gekozen eenheid' or 'Niveau 3: 33 afdelingen'."""
    if niveau == ONDERDELEN:
        return t("Onder de gekozen eenheid", taal)
    codes = boom.op_niveau(organisatie, niveau)
    return t(
        "Niveau {n}: {aantal}", taal, n=niveau, aantal=aantal(len(codes), soort(boom, codes), taal)
    )


def kop(a: Afdelingen, ctx: Context) -> str:
    """The page title: 'Afdelingen vergeleken'."""
    return t(
        "{soort} vergeleken", ctx.taal, soort=soort_woord(a, ctx.taal, meervoud=True).capitalize()
    )


def _periode(a: Afdelingen, taal: str) -> str:
    p = a.periode
    if a.basis == "maand":
        return fmt.maand(p.tot, taal, lang=True)
    return tn(
        "{n} maand {periode}", "{n} maanden {periode}", p.k, taal,
        periode=periode_tekst(p.van, p.tot, taal),
    )  # fmt: skip


def _wat(a: Afdelingen, ctx: Context) -> str:
    """What is compared, for the subtitle."""
    taal = ctx.taal
    if a.niveau == ONDERDELEN:
        return t("onderdelen van {eenheid}", taal, eenheid=a.referentie_naam)
    return t(
        "alle {soort} op niveau {niveau} van {organisatie}",
        taal,
        soort=soort_woord(a, taal, meervoud=True),
        niveau=a.niveau,
        organisatie=a.referentie_naam,
    )


def _met_filter(delen: list[str], ctx: Context) -> str:
    return " · ".join([*delen, *([ctx.filter_tekst()] if ctx.filter_tekst() else [])])


def ondertitel(a: Afdelingen, ctx: Context) -> str:
    """What is compared · period · filter."""
    return _met_filter([_wat(a, ctx), _periode(a, ctx.taal)], ctx)


def kader(a: Afdelingen, ctx: Context, titel: str) -> Kader:
    """Title, subtitle (what is compared · period · filter) and source of a chart of the basis
    period (ranking, funnel, verzuimvenster)."""
    return Kader(titel, ondertitel(a, ctx), ctx.peildatum, ctx.min_groep, ctx.taal)


def ref_naam(a: Afdelingen, taal: str) -> str:
    """The reference unit as the heat map's top row: 'Directie X (totaal)'."""
    return t("{naam} (totaal)", taal, naam=a.referentie_naam)


def heatmap_kader(a: Afdelingen, ctx: Context) -> Kader:
    """The heat map's frame: its finding, and the months it covers."""
    van = a.maanden["van"].min() if a.maanden.height else None
    tot = a.maanden["van"].max() if a.maanden.height else None
    maanden = t("per maand {periode}", ctx.taal, periode=periode_tekst(van, tot, ctx.taal))
    return Kader(
        heatmap_titel(a, ctx.taal),
        _met_filter([_wat(a, ctx), maanden], ctx),
        ctx.peildatum,
        ctx.min_groep,
        ctx.taal,
    )


def regelkaart_kader(r: Regelkaart, ctx: Context) -> Kader:
    """The control chart's frame: its finding, the unit and the months."""
    reeks = r.reeks
    delen = [ctx.boom.naam(r.eenheid)]
    if reeks.height:
        delen.append(periode_tekst(reeks["van"].min(), reeks["van"].max(), ctx.taal))
    return Kader(
        regelkaart_titel(r, ctx.taal), _met_filter(delen, ctx), ctx.peildatum, ctx.min_groep,
        ctx.taal,
    )  # fmt: skip


# -- titles: the findings ------------------------------------------------------------------------


def ranking_titel(a: Afdelingen, metriek: str, taal: str) -> str:
    """'3 afdelingen duidelijk boven het gemiddelde; Afdeling Facilitaire Dienst het hoogst (8,3%)'.

    "Boven" only from the funnel's 99.8% classification, never from the ranking alone.
    """
    getoond = a.getoond()
    if not getoond.height:
        return t(
            "Alle {soort} te klein om te tonen (< {n})",
            taal,
            soort=soort_woord(a, taal, meervoud=True),
            n=a.min_groep,
        )
    hoogste = volgorde(getoond, metriek).row(0, named=True)
    boven = getoond.filter(pl.col(f"{metriek}_klasse_998") == "boven").height
    hoogst = t(
        "{naam} het hoogst ({waarde})",
        taal,
        naam=hoogste["naam"],
        waarde=waarde_tekst(hoogste[metriek], metriek, taal),
    )
    if not a.funnel_mogelijk():
        return t(
            "{hoogst}; te weinig {soort} met cijfers om verschillen te toetsen",
            taal,
            hoogst=hoogst,
            soort=soort_woord(a, taal, meervoud=True),
        )
    if boven == 0:
        return t(
            "Geen {soort} duidelijk boven het gemiddelde; {hoogst}",
            taal,
            soort=soort_woord(a, taal),
            hoogst=hoogst,
        )
    return t(
        "{aantal} duidelijk boven het gemiddelde; {hoogst}",
        taal,
        aantal=aantal(boven, a.soort, taal),
        hoogst=hoogst,
    )


def funnel_titel(a: Afdelingen, metriek: str, taal: str) -> str:
    """What the funnel says: units outside the 99.8% limits, else those past the 95% limits."""
    e = a.getoond()

    def namen(kolom: str, klasse: str) -> list[str]:
        return e.filter(pl.col(kolom) == klasse).sort(metriek, descending=True)["naam"].to_list()

    boven, onder = namen(f"{metriek}_klasse_998", "boven"), namen(f"{metriek}_klasse_998", "onder")
    if boven and onder:
        return t(
            "{boven} boven en {onder} onder de 99,8%-grens: meer verschil dan toeval aannemelijk maakt",
            taal,
            boven=_wie(boven, a.soort, taal),
            onder=_wie(onder, a.soort, taal),
        )
    if boven:
        return t(
            "{wie} boven de 99,8%-grens: meer verschil dan toeval aannemelijk maakt",
            taal,
            wie=_wie(boven, a.soort, taal),
        )
    if onder:
        return t(
            "{wie} onder de 99,8%-grens: meer verschil dan toeval aannemelijk maakt",
            taal,
            wie=_wie(onder, a.soort, taal),
        )
    boven95 = namen(f"{metriek}_klasse_95", "boven")
    if boven95:
        return t(
            "Geen {soort} buiten de 99,8%-grenzen; {wie} alleen boven de 95%-grens (aandachtspunt)",
            taal,
            soort=soort_woord(a, taal),
            wie=_wie(boven95, a.soort, taal),
        )
    h = a.funnels[metriek].heterogeniteit if metriek in a.funnels else None
    if h is None or h.bron == "geen":
        # with few units nothing can be told apart: say so, not that the differences are chance
        return t(
            "Alle {soort} binnen de grenzen; met {n} {soort} toont deze vergelijking alleen grote verschillen",
            taal,
            soort=soort_woord(a, taal, meervoud=True),
            n=e.height,
        )
    return t(
        "Alle {soort} binnen de grenzen: geen verschil groter dan de gewone spreiding tussen eenheden",
        taal,
        soort=soort_woord(a, taal, meervoud=True),
    )


def _wie(namen: list[str], soort_: str, taal: str) -> str:
    """One name, or '3 afdelingen'."""
    return namen[0] if len(namen) == 1 else aantal(len(namen), soort_, taal)


def funnel_uitleg(a: Afdelingen, metriek: str, taal: str) -> str:
    """Why a funnel (small units are not over-read), where its width comes from (the persons'
    variation and the spread between units τ²) and how much the comparison can find."""
    v = a.funnels[metriek]
    h = v.heterogeniteit
    tekst = t(
        "Hoe kleiner een eenheid, hoe meer haar cijfer door toeval schommelt: één langdurig zieke "
        "collega tilt een kleine afdeling al snel een paar procentpunt op. Daarom lopen de grenzen "
        "naar links (kleinere {grootte}) wijd uit. Een punt binnen de grenzen verschilt niet meer van "
        "het gemiddelde ({doel}) dan toeval aannemelijk maakt; alleen buiten de buitenste "
        "(99,8%-)grens is het verschil duidelijk.",
        taal,
        grootte=t(omvang(metriek).naam, taal),
        doel=waarde_tekst(v.doel, metriek, taal),
    )
    personen = t(
        "Het toeval komt uit de medewerkers: verzuim zit bij personen (een paar langdurig zieken "
        "dragen een groot deel van de dagen), dus de onzekerheid van een eenheid volgt uit de "
        "spreiding tussen haar medewerkers, niet uit losse dagen.",
        taal,
    )
    if h.bron == "geen":
        tussen = t(
            "Met {n} eenheden is niet te schatten hoeveel eenheden gewoonlijk van elkaar verschillen "
            "(daarvoor zijn er minstens {minimum} nodig); de grenzen tonen alleen het toeval binnen "
            "eenheden. Deze vergelijking heeft weinig onderscheidend vermogen: alleen grote "
            "verschillen vallen op.",
            taal,
            n=a.getoond().height,
            minimum=statistiek.MIN_EENHEDEN,
        )
    else:
        bron = (
            t("geschat uit deze {n} eenheden", taal, n=h.eenheden)
            if h.bron == "eenheden"
            else t("geschat uit de {n} eenheden op niveau {niveau} van de organisatie", taal,
                   n=h.eenheden, niveau=h.niveau or 0)
        )  # fmt: skip
        tussen = t(
            "Daarbovenop verschillen eenheden ook echt van elkaar (werk, samenstelling): een "
            "gewone spreiding van {tau} ({bron}; toets op verschillen: p = {p}). Die spreiding zit "
            "in de grenzen, zodat alleen een eenheid die daar ook nog buiten valt opvalt.",
            taal,
            tau=_spreiding(h.tau, metriek, taal),
            bron=bron,
            p=_p(h.p, taal),
        )
    return f"{tekst} {personen} {tussen}"


def _spreiding(tau: float, metriek: str, taal: str) -> str:
    """τ in the metric's units: percentage points, or reports per person-year."""
    if catalogus.metriek(metriek).berekening == "procent":
        waarde = 100 * tau
        return t("{waarde} procentpunt", taal, waarde=fmt.getal(waarde, 1, taal))
    return t("{waarde} meldingen per jaar", taal, waarde=fmt.getal(tau, 2, taal))


def _p(p: float | None, taal: str) -> str:
    """A p-value as a reader sees it: three decimals, or '< 0,001'."""
    if p is None:
        return "–"
    return "< " + fmt.getal(0.001, 3, taal) if p < 0.001 else fmt.getal(p, 3, taal)


def venster_titel(a: Afdelingen, taal: str) -> str:
    """'Verzuimvenster: 4 afdelingen melden vaker én verzuimen meer dan Directie X'."""
    ref_f, ref_p = a.kwadrant_lijnen()
    e = a.getoond()
    if ref_f is None or ref_p is None or not e.height:
        return t("Verzuimvenster", taal)
    vaak_lang = e.filter(
        (pl.col("meldingsfrequentie") > ref_f) & (pl.col("verzuimpercentage") > ref_p)
    ).height
    if vaak_lang == 0:
        return t(
            "Verzuimvenster: geen {soort} meldt vaker én verzuimt meer dan {ref}",
            taal,
            soort=soort_woord(a, taal),
            ref=a.referentie_naam,
        )
    return tn(
        "Verzuimvenster: {aantal} meldt vaker én verzuimt meer dan {ref}",
        "Verzuimvenster: {aantal} melden vaker én verzuimen meer dan {ref}",
        vaak_lang,
        taal,
        aantal=aantal(vaak_lang, a.soort, taal),
        ref=a.referentie_naam,
    )


#: The heat map's finding, by the one rule for a change (`views.verandering`): a unit is higher
#: or lower than a year earlier only when the 95% interval of the difference (persons as the
#: sampling unit) leaves out 0; otherwise its difference is named as not clearly different.
_HEATMAP_EEN_HOGER = N_("{naam} hoger dan een jaar eerder: van {toen} naar {nu} ({periode})")
_HEATMAP_EEN_LAGER = N_("{naam} lager dan een jaar eerder: van {toen} naar {nu} ({periode})")
_HEATMAP_EEN_GELIJK = N_(
    "{naam} niet duidelijk anders dan een jaar eerder: van {toen} naar {nu} ({periode})"
)
_HEATMAP_HOGER = N_(
    "{aantal} hoger dan een jaar eerder, het meest {naam}: van {toen} naar {nu} ({periode})"
)
_HEATMAP_LAGER = N_(
    "Geen {soort} hoger dan een jaar eerder; {aantal} lager, het meest {naam}: van {toen} naar "
    "{nu} ({periode})"
)
_HEATMAP_GELIJK = N_(
    "Geen {soort} duidelijk anders dan een jaar eerder ({periode}); het grootste verschil: "
    "{naam}, van {toen} naar {nu}"
)


def heatmap_titel(a: Afdelingen, taal: str) -> str:
    """Which units' verzuimpercentage is higher (or lower) than a year earlier by the one rule
    for a change, the largest of them named; 'niet duidelijk anders' when none is."""
    nu = a.getoond().select("eenheid", "naam", "verzuimpercentage", "verzuimpercentage_richting")
    toen = a.vorig.filter(~pl.col("onderdrukt") & ~pl.col("geen_gegevens")).select(
        "eenheid", pl.col("verzuimpercentage").alias("toen")
    )
    # only units the rule can judge (both periods' sums shown)
    paren = (
        nu.join(toen, on="eenheid")
        .filter(pl.col("verzuimpercentage_richting").is_not_null())
        .with_columns((pl.col("verzuimpercentage") - pl.col("toen")).alias("d"))
    )
    if not paren.height:
        return t("Verzuimpercentage per maand", taal)
    hoger = paren.filter(pl.col("verzuimpercentage_richting") == "hoger").sort("d", descending=True)
    lager = paren.filter(pl.col("verzuimpercentage_richting") == "lager").sort("d")
    if hoger.height:
        groep, een, meer = hoger, _HEATMAP_EEN_HOGER, _HEATMAP_HOGER
    elif lager.height:
        groep, een, meer = lager, _HEATMAP_EEN_LAGER, _HEATMAP_LAGER
    else:
        groep = paren.sort(pl.col("d").abs(), descending=True)
        een, meer = _HEATMAP_EEN_GELIJK, _HEATMAP_GELIJK
    grootste = groep.row(0, named=True)
    # one unit higher (or lower), or one unit shown: named alone
    alleen = paren.height == 1 or (groep.height == 1 and (hoger.height or lager.height))
    sjabloon = een if alleen else meer
    return t(
        sjabloon,
        taal,
        naam=grootste["naam"],
        aantal=aantal(groep.height, a.soort, taal),
        soort=soort_woord(a, taal),
        toen=fmt.procent(grootste["toen"], 1, taal),
        nu=fmt.procent(grootste["verzuimpercentage"], 1, taal),
        periode=t("12 maanden", taal) if a.basis == "r12" else t("maand", taal),
    )


def regelkaart_titel(r: Regelkaart, taal: str) -> str:
    """'Regelkaart Afdeling Luchtvaart (seizoensgecorrigeerd): 7 maanden met een signaal in de
    laatste 12 maanden (...)'."""
    reeks = r.reeks
    naam = (
        t("{naam} (seizoensgecorrigeerd)", taal, naam=r.naam)
        if r.seizoensjaren
        else t("{naam} (niet seizoensgecorrigeerd)", taal, naam=r.naam)
    )
    if not reeks.height or reeks["onderdrukt"].all():
        return t("Regelkaart {naam}: groep te klein om te tonen", taal, naam=r.naam)
    if reeks.filter(~pl.col("onderdrukt"))["verzuimpercentage"].drop_nulls().len() < 12:
        return t(
            "Regelkaart {naam}: te weinig maanden met cijfers (minstens 12)", taal, naam=r.naam
        )
    laatste = [
        (s, w, v)
        for s, w, v in zip(
            reeks["signaal"].to_list()[-12:],
            reeks["verzuimpercentage"].to_list()[-12:],
            reeks["verwacht"].to_list()[-12:],
            strict=True,
        )
        if s
    ]
    if not laatste:
        return t(
            "Regelkaart {naam}: geen signalen in de laatste 12 maanden, schommelingen binnen toeval",
            taal,
            naam=naam,
        )
    # which side of the season's expectation the signalled months lie on: a title that counts
    # highs and lows together would hide that they point opposite ways
    hoger = sum(1 for _, w, v in laatste if w is not None and v is not None and w > v)
    lager = len(laatste) - hoger
    if not lager:
        richting = t("hoger dan verwacht", taal)
    elif not hoger:
        richting = t("lager dan verwacht", taal)
    else:
        richting = t("{h} hoger en {l} lager dan verwacht", taal, h=hoger, l=lager)
    return tn(
        "Regelkaart {naam}: {n} maand met een signaal in de laatste 12 maanden, {richting}",
        "Regelkaart {naam}: {n} maanden met een signaal in de laatste 12 maanden, {richting}",
        len(laatste),
        taal,
        naam=naam,
        richting=richting,
    )


def regelkaart_uitleg(r: Regelkaart, taal: str) -> str:
    """How to read the control chart."""
    if r.seizoensjaren:
        seizoen = t(
            "Verzuim heeft seizoenen (griep in de winter, vakanties in de zomer): elke maand wordt "
            "vergeleken met wat die kalendermaand gewoonlijk is, met maandfactoren uit {jaren}. De "
            "lijn 'verwacht' is het gemiddelde van de eerste {n} maanden maal die factor.",
            taal,
            jaren=", ".join(str(j) for j in r.seizoensjaren),
            n=r.basis_maanden,
        )
    else:
        seizoen = t(
            "Er zijn geen twee hele eerdere jaren om seizoensfactoren uit te halen: de kaart is niet "
            "seizoensgecorrigeerd, en de gewone daling van februari naar augustus kan als signaal "
            "verschijnen. De middenlijn is het gemiddelde van de eerste {n} maanden.",
            taal,
            n=r.basis_maanden,
        )
    regels = t(
        "De grenzen (3σ) geven aan hoeveel een maand door toeval kan afwijken. De spreiding komt "
        "uit de medewerkers: een lang verzuim loopt door over maanden, dus maanden bewegen samen "
        "en tellen niet als losse waarnemingen. Een signaal (NHS Making Data Count, voor maanden "
        "die samenhangen): een maand buiten de grenzen; 2 van 3 maanden voorbij 2σ aan dezelfde "
        "kant die samen voorbij 3σ liggen; {n} maanden op rij boven of onder het verwachte die "
        "samen voorbij 3σ liggen; of {n} maanden op rij stijgend of dalend.",
        taal,
        n=spc.VERSCHUIVING,
    )
    return f"{seizoen} {regels}"
