"""Afdelingen: units of one level side by side, told apart from noise.

One call of the metrics API gives the basis period, the same period a year earlier and the last
24 months for every shown unit; a second gives the same for the reference unit (the parent whose
parts are shown). The statistics module turns the basis period into intervals and funnel
positions; the titles only claim "boven" where the funnel says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import plotly.graph_objects as go
import polars as pl

from dashboard import format as fmt
from dashboard import metrics, statistics
from dashboard.charts import afdelingen as grafiek
from dashboard.hierarchy import Boom
from dashboard.i18n import t
from dashboard.periods import Maand, Periode
from dashboard.store import Store
from dashboard.views import Context, Kader, periode_tekst

#: Period bases of the comparison: the rolling 12 months up to the selected month, or the month.
BASISSEN: tuple[str, ...] = ("r12", "maand")
#: The two rates a unit is ranked and funnelled on.
METRIEKEN: tuple[statistics.Metriek, ...] = ("verzuimpercentage", "meldingsfrequentie")
#: Level 0 stands for "the parts of the selected unit"; 1, 2, ... for a depth of the organisation.
ONDERDELEN = 0
HEATMAP_MAANDEN = 24
SPC_MAANDEN = 36
SPC_BASIS = 24

#: Unit kinds recognised from the names (singular, plural), for titles like "3 afdelingen ...".
_SOORTEN: tuple[tuple[str, str, str], ...] = (
    ("Directoraat-generaal ", "directoraat-generaal", "directoraten-generaal"),
    ("Directie ", "directie", "directies"),
    ("Afdeling ", "afdeling", "afdelingen"),
)


@dataclass(frozen=True)
class Afdelingen:
    """The content of the Afdelingen view for one selection, level and period basis.

    `eenheden`: one row per shown group (basis period) with the API's metrics, `code` (the unit
    to drill into; null for a parent's own staff), `naam`, `ouder`, the 95% intervals and the
    funnel position of both rates. `vorig`: the same groups a year earlier. `maanden`: the groups
    per month. `ref` / `ref_maanden`: the reference unit (basis and a year earlier / per month).
    """

    niveau: int
    referentie: str
    referentie_naam: str
    geselecteerd: str
    basis: str
    periode: Periode
    eenheden: pl.DataFrame
    vorig: pl.DataFrame
    maanden: pl.DataFrame
    ref: pl.DataFrame
    ref_maanden: pl.DataFrame
    funnels: dict[statistics.Metriek, statistics.Funnel]
    opmerking: str
    soort: tuple[str, str]
    min_groep: int = 10
    markeer: frozenset[str] = frozenset()

    def getoond(self) -> pl.DataFrame:
        """Units with numbers in the basis period (neither suppressed nor empty)."""
        return self.eenheden.filter(~pl.col("onderdrukt") & ~pl.col("geen_gegevens"))

    def funnel_mogelijk(self) -> bool:
        """A funnel (and its classes) needs a few units with numbers to compare."""
        return self.getoond().height >= grafiek.MIN_FUNNEL

    def ref_waarde(self, metriek: str) -> float | None:
        """The reference unit's value in the basis period (None when suppressed)."""
        rij = self.ref.filter(pl.col("periode") == "basis")
        if not rij.height or rij["onderdrukt"][0]:
            return None
        waarde = rij[metriek][0]
        return float(waarde) if waarde is not None else None

    def drilbaar(self) -> list[tuple[str, str]]:
        """(code, name) of the shown units one can drill into, in the ranking's order."""
        rijen = volgorde(self.eenheden, "verzuimpercentage")
        return [(r["code"], r["naam"]) for r in rijen.iter_rows(named=True) if r["code"]]


@dataclass(frozen=True)
class Regelkaart:
    """A unit's monthly verzuimpercentage with Laney p′ limits and signals (statistics.spc)."""

    eenheid: str
    naam: str
    reeks: pl.DataFrame
    basis_maanden: int


# -- building ------------------------------------------------------------------------------------


def niveaus(boom: Boom, organisatie: str) -> list[int]:
    """The levels one can choose: 0 (parts of the selected unit) and every depth below the root."""
    return [ONDERDELEN, *range(1, boom.diepte(organisatie) + 1)]


def niveau_label(boom: Boom, organisatie: str, niveau: int, taal: str = "nl") -> str:
    """'Onder de gekozen eenheid' or 'Niveau 3: 33 afdelingen'."""
    if niveau == ONDERDELEN:
        return t("Onder de gekozen eenheid", taal)
    codes = boom.op_niveau(organisatie, niveau)
    return t(
        "Niveau {n}: {aantal}",
        taal,
        n=niveau,
        aantal=_aantal(len(codes), _soort(boom, codes), taal),
    )


def perioden(maand: Maand, basis: str, eerste: Maand | None = None) -> tuple[Periode, Periode]:
    """The basis period and the same period a year earlier.

    Twelve months never reach back before `eerste` (where the extract starts): months without
    data would make bezetting and FTE look a fraction of what they are.
    """
    if basis == "maand":
        return Periode("basis", maand, maand), Periode("vorig", maand.plus(-12), maand.plus(-12))
    van = maand.plus(-11)
    if eerste is not None and van < eerste <= maand:
        van = eerste
    return Periode("basis", van, maand), Periode("vorig", maand.plus(-23), maand.plus(-12))


def _ouders(ctx: Context, niveau: int) -> tuple[list[str], str, str]:
    """The parents whose parts are shown, the reference unit, and a note for the reader."""
    boom, sel = ctx.boom, ctx.selectie
    if niveau == ONDERDELEN:
        eenheid = sel.eenheid
        ouder = boom.eenheden[eenheid].ouder
        if boom.kinderen.get(eenheid) or ouder is None:
            return [eenheid], eenheid, ""
        # a unit without parts: show it among its siblings, so drilling down never ends empty
        opmerking = t(
            "{eenheid} heeft geen onderliggende eenheden; hier staat zij naast de andere eenheden van {ouder}.",
            ctx.taal,
            eenheid=boom.naam(eenheid),
            ouder=boom.naam(ouder),
        )
        return [ouder], ouder, opmerking
    org = sel.organisatie
    ouders = [o for o in _op_niveau(boom, org, niveau - 1) if boom.kinderen.get(o)]
    return ouders, org, ""


def _op_niveau(boom: Boom, organisatie: str, niveau: int) -> list[str]:
    return [organisatie] if niveau == 0 else boom.op_niveau(organisatie, niveau)


def bouw(store: Store, ctx: Context, *, niveau: int = ONDERDELEN, basis: str = "r12") -> Afdelingen:
    """Units of one level (or the parts of the selected unit) in the basis period, a year earlier
    and over the last 24 months, with intervals and funnel positions."""
    boom, sel = ctx.boom, ctx.selectie
    if niveau not in niveaus(boom, sel.organisatie):
        niveau = ONDERDELEN
    if basis not in BASISSEN:
        basis = "r12"
    ouders, referentie, opmerking = _ouders(ctx, niveau)
    delen = [g for o in ouders for g in metrics.onderdelen(boom, o, ctx.toegang)]
    ouder_van = {
        g.label: (g.label.removesuffix(":direct") if g.label.endswith(":direct") else boom.eenheden[g.label].ouder or "")
        for g in delen
    }  # fmt: skip
    p, pv = perioden(sel.maand, basis, metrics.eerste_maand(store))
    maanden = metrics.periodes(
        boom, delen, _begin(store, sel.maand.plus(1 - HEATMAP_MAANDEN)), sel.maand, "maand"
    )
    ps = [p, pv, *maanden]
    frame = metrics.kerncijfers(
        store, boom, ps, delen, filter=sel.filter, min_groep=ctx.min_groep, met_nulverzuim=False,
    )  # fmt: skip
    (ref_groep,) = metrics.groepen(boom, [referentie], ctx.toegang)
    ref = metrics.kerncijfers(
        store, boom, ps, [ref_groep], filter=sel.filter, min_groep=ctx.min_groep,
        met_nulverzuim=False,
    )  # fmt: skip

    # a parent's own staff is a part on the parent's view, but no unit at a level of the tree;
    # and where nobody works directly under a unit, there is nothing to show
    toon = [
        g.label
        for g in delen
        if not g.label.endswith(":direct")
        or (niveau == ONDERDELEN and not frame.filter(pl.col("eenheid") == g.label)["geen_gegevens"].all())
    ]  # fmt: skip
    frame = frame.filter(pl.col("eenheid").is_in(toon)).with_columns(
        pl.col("eenheid").replace_strict(ouder_van, return_dtype=pl.String).alias("ouder"),
        pl.when(pl.col("eenheid").str.ends_with(":direct"))
        .then(None)
        .otherwise(pl.col("eenheid"))
        .alias("code"),
        pl.col("eenheid")
        .replace_strict(_namen(boom, toon, ouder_van, ctx.taal), return_dtype=pl.String)
        .alias("naam"),
    )
    eenheden = frame.filter(pl.col("periode") == "basis")
    for metriek in METRIEKEN:
        eenheden = statistics.met_interval(eenheden, metriek)
    funnels = {m: _tot_klein(statistics.funnel(eenheden, m)) for m in METRIEKEN}
    for metriek, f in funnels.items():
        eenheden = eenheden.with_columns(
            f.eenheden["grootte"].alias(f"{metriek}_grootte"),
            f.eenheden["klasse_95"].alias(f"{metriek}_klasse_95"),
            f.eenheden["klasse_998"].alias(f"{metriek}_klasse_998"),
        )
    return Afdelingen(
        niveau=niveau,
        referentie=referentie,
        referentie_naam=boom.naam(referentie),
        geselecteerd=sel.eenheid,
        basis=basis,
        periode=p,
        eenheden=eenheden,
        vorig=frame.filter(pl.col("periode") == "vorig"),
        maanden=frame.filter(~pl.col("periode").is_in(["basis", "vorig"])),
        ref=ref.filter(pl.col("periode").is_in(["basis", "vorig"])),
        ref_maanden=ref.filter(~pl.col("periode").is_in(["basis", "vorig"])),
        funnels=funnels,
        opmerking=opmerking,
        soort=_soort(boom, toon),
        min_groep=ctx.min_groep,
        markeer=_markeer(boom, sel.eenheid, referentie, toon),
    )


def _tot_klein(f: statistics.Funnel) -> statistics.Funnel:
    """The limit curves from far left (a fiftieth of the largest unit), so the reader sees how
    wide they open for small units, also where no unit of that size is shown."""
    grootten = [g for g in f.eenheden["grootte"].to_list() if g is not None and g > 0]
    if f.doel is None or not grootten:
        return f
    raster = statistics.grootte_raster(
        min(0.8 * min(grootten), max(grootten) / 50), 1.1 * max(grootten), 90
    )
    grenzen = statistics.funnel_limieten(f.metriek, f.doel, raster, f.phi)
    return replace(
        f,
        grenzen=pl.DataFrame(
            [vars(g) for g in grenzen],
            schema={k: pl.Float64 for k in statistics.Funnelgrens.__dataclass_fields__},
        ),
    )


def _markeer(boom: Boom, eenheid: str, referentie: str, labels: list[str]) -> frozenset[str]:
    """The shown units that are the selected unit or lie under it (none when it is the reference:
    then everything shown lies under it)."""
    if eenheid == referentie:
        return frozenset()
    return frozenset(
        label for label in labels if label in boom.eenheden and eenheid in boom.pad(label)
    )


def _begin(store: Store, gewenst: Maand) -> Maand:
    """Not before the first month the absence extract really covers."""
    eerste = metrics.eerste_maand(store)
    return max(gewenst, eerste) if eerste is not None else gewenst


def _namen(boom: Boom, labels: list[str], ouder_van: dict[str, str], taal: str) -> dict[str, str]:
    """Display names; a parent's own staff by the parent's name, equal names told apart."""
    namen = {
        label: (
            f"{boom.naam(ouder_van[label])} ({t('eigen staf', taal)})"
            if label.endswith(":direct")
            else boom.naam(label)
        )
        for label in labels
    }
    dubbel = {n for n, aantal in Counter(namen.values()).items() if aantal > 1}
    return {
        label: f"{naam} ({boom.naam(ouder_van[label])})" if naam in dubbel else naam
        for label, naam in namen.items()
    }


def _soort(boom: Boom, labels: list[str]) -> tuple[str, str]:
    """('afdeling', 'afdelingen') when every shown unit is one, else ('eenheid', 'eenheden')."""
    namen = [boom.naam(label) for label in labels if not label.endswith(":direct")]
    if len(namen) == len(labels) and namen:
        for prefix, enkel, meer in _SOORTEN:
            if all(n.startswith(prefix) for n in namen):
                return enkel, meer
    return "eenheid", "eenheden"


def regelkaart(store: Store, ctx: Context, *, eenheid: str) -> Regelkaart:
    """The last 36 months of one unit on a Laney p′-chart (σ from the SD of the baseline z-scores:
    monthly absence is autocorrelated, so moving ranges would make the limits too narrow)."""
    boom, sel = ctx.boom, ctx.selectie
    (groep,) = metrics.groepen(boom, [eenheid], ctx.toegang)
    ps = metrics.periodes(
        boom, [groep], _begin(store, sel.maand.plus(1 - SPC_MAANDEN)), sel.maand, "maand"
    )
    frame = metrics.kerncijfers(
        store, boom, ps, [groep], filter=sel.filter, min_groep=ctx.min_groep
    )
    basis = min(SPC_BASIS, frame.height)
    reeks = statistics.spc(frame, basis=basis, spreiding="sd")
    return Regelkaart(eenheid, boom.naam(eenheid), reeks, basis)


# -- texts ---------------------------------------------------------------------------------------


def volgorde(frame: pl.DataFrame, metriek: str) -> pl.DataFrame:
    """Highest first; suppressed units and units without data last, by name."""
    return frame.with_columns(
        pl.when(pl.col("onderdrukt") | pl.col("geen_gegevens"))
        .then(1)
        .otherwise(0)
        .alias("_achteraan"),
    ).sort(["_achteraan", metriek, "naam"], descending=[False, True, False], nulls_last=True)


def _waarde(x: float | None, metriek: str, taal: str) -> str:
    if metriek == "verzuimpercentage":
        return fmt.procent(x, 1, taal)
    return f"{fmt.getal(x, 2, taal)} {t('per jaar', taal)}"


def _aantal(n: int, soort: tuple[str, str], taal: str) -> str:
    """'1 afdeling', '3 afdelingen' (or in English)."""
    woord = soort[0] if n == 1 else soort[1]
    return f"{n} {t(woord, taal)}"


def _periode_tekst(a: Afdelingen, taal: str) -> str:
    p = a.periode
    if a.basis == "maand":
        return fmt.maand(p.tot, taal, lang=True)
    maanden = t("12 maanden", taal) if p.k == 12 else f"{p.k} {t('maanden', taal)}"
    return f"{maanden} {periode_tekst(p.van, p.tot, taal)}"


def _wat(a: Afdelingen, ctx: Context) -> str:
    """What is compared, for the subtitle."""
    taal = ctx.taal
    if a.niveau == ONDERDELEN:
        return t("onderdelen van {eenheid}", taal, eenheid=a.referentie_naam)
    return t(
        "alle {soort} op niveau {niveau} van {organisatie}",
        taal,
        soort=t(a.soort[1], taal),
        niveau=a.niveau,
        organisatie=a.referentie_naam,
    )


def kader(a: Afdelingen, ctx: Context, titel: str) -> Kader:
    """Title, subtitle (what is compared · period · filter) and source of one chart."""
    delen = [_wat(a, ctx), _periode_tekst(a, ctx.taal)]
    if ctx.filter_tekst():
        delen.append(ctx.filter_tekst())
    return Kader(titel, " · ".join(delen), ctx.peildatum, ctx.min_groep, ctx.taal)


def kop(a: Afdelingen, ctx: Context) -> str:
    """The page title."""
    return t("{soort} vergeleken", ctx.taal, soort=t(a.soort[1], ctx.taal).capitalize())


def ranking_titel(a: Afdelingen, metriek: str, taal: str) -> str:
    """'3 afdelingen duidelijk boven het gemiddelde; Afdeling Facilitaire Dienst het hoogst (8,3%)'.

    "Boven" only from the funnel's 99.8% classification, never from the ranking alone.
    """
    getoond = a.getoond()
    if not getoond.height:
        return t(
            "Alle {soort} te klein om te tonen (< {n})",
            taal,
            soort=t(a.soort[1], taal),
            n=a.min_groep,
        )
    hoogste = volgorde(getoond, metriek).row(0, named=True)
    boven = getoond.filter(pl.col(f"{metriek}_klasse_998") == "boven").height
    hoogst = t(
        "{naam} het hoogst ({waarde})",
        taal,
        naam=hoogste["naam"],
        waarde=_waarde(hoogste[metriek], metriek, taal),
    )
    if not a.funnel_mogelijk():
        return t(
            "{hoogst}; te weinig {soort} met cijfers om verschillen te toetsen",
            taal,
            hoogst=hoogst,
            soort=t(a.soort[1], taal),
        )
    if boven == 0:
        return t(
            "Geen {soort} duidelijk boven het gemiddelde; {hoogst}",
            taal,
            soort=t(a.soort[0], taal),
            hoogst=hoogst,
        )
    return t(
        "{aantal} duidelijk boven het gemiddelde; {hoogst}",
        taal,
        aantal=_aantal(boven, a.soort, taal),
        hoogst=hoogst,
    )


def funnel_titel(a: Afdelingen, metriek: str, taal: str) -> str:
    """What the funnel says: units outside the 99.8% limits, else those past the 95% limits."""
    e = a.getoond()

    def namen(kolom: str, klasse: str) -> list[str]:
        return e.filter(pl.col(kolom) == klasse).sort(metriek, descending=True)["naam"].to_list()

    boven, onder = namen(f"{metriek}_klasse_998", "boven"), namen(f"{metriek}_klasse_998", "onder")
    if boven or onder:
        delen = []
        if boven:
            delen.append(t("{wie} boven", taal, wie=_wie(boven, a.soort, taal)))
        if onder:
            delen.append(t("{wie} onder", taal, wie=_wie(onder, a.soort, taal)))
        return t(
            "{delen} de 99,8%-grens: meer verschil dan toeval aannemelijk maakt",
            taal,
            delen=t(" en ", taal).join(delen),
        )
    boven95 = namen(f"{metriek}_klasse_95", "boven")
    if boven95:
        return t(
            "Geen {soort} buiten de 99,8%-grenzen; {wie} alleen boven de 95%-grens (aandachtspunt)",
            taal,
            soort=t(a.soort[0], taal),
            wie=_wie(boven95, a.soort, taal),
        )
    return t(
        "Alle {soort} binnen de grenzen: de verschillen zijn niet van toeval te onderscheiden",
        taal,
        soort=t(a.soort[1], taal),
    )


def _wie(namen: list[str], soort: tuple[str, str], taal: str) -> str:
    """One name, or '3 afdelingen'."""
    return namen[0] if len(namen) == 1 else _aantal(len(namen), soort, taal)


def funnel_uitleg(a: Afdelingen, metriek: statistics.Metriek, taal: str) -> str:
    """Why a funnel (small units are not over-read) and what φ means, in plain words."""
    f = a.funnels[metriek]
    grootte = t("FTE", taal) if metriek == "verzuimpercentage" else t("bezetting", taal)
    tekst = t(
        "Hoe kleiner een eenheid, hoe meer haar cijfer door toeval schommelt: één langdurig zieke "
        "collega tilt een kleine afdeling al snel een paar procentpunt op. Daarom lopen de grenzen "
        "naar links (kleinere {grootte}) wijd uit. Een punt binnen de grenzen verschilt niet meer van "
        "het gemiddelde ({doel}) dan toeval aannemelijk maakt; alleen buiten de buitenste "
        "(99,8%-)grens is het verschil duidelijk.",
        taal,
        grootte=grootte,
        doel=_waarde(f.doel, metriek, taal),
    )
    waarden = {"phi": fmt.getal(f.phi, 1, taal), "factor": fmt.getal(f.phi**0.5, 1, taal)}
    if f.phi <= 1.0:
        phi = t(
            "φ = {phi}: de eenheden verschillen niet meer dan toeval verwacht, de grenzen zijn niet verbreed.",
            taal,
            **waarden,
        )
    elif metriek == "verzuimpercentage":
        phi = t(
            "φ = {phi} (overdispersie): verzuimdagen hangen samen in ziekmeldingen, waardoor eenheden "
            "onderling {factor} keer zo sterk verschillen als bij losse dagen; de grenzen zijn daarom "
            "{factor} keer zo breed gemaakt.",
            taal,
            **waarden,
        )
    else:
        phi = t(
            "φ = {phi} (overdispersie): eenheden verschillen onderling {factor} keer zo sterk als bij "
            "puur toevallige ziekmeldingen; de grenzen zijn daarom {factor} keer zo breed gemaakt.",
            taal,
            **waarden,
        )
    return f"{tekst} {phi}"


def venster_titel(a: Afdelingen, taal: str) -> str:
    """'4 afdelingen melden vaak én zijn lang weg'."""
    ref_f, ref_p = _kwadrant_lijnen(a)
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
            soort=t(a.soort[0], taal),
            ref=a.referentie_naam,
        )
    return (
        t(
            "Verzuimvenster: {aantal} meldt vaker én verzuimt meer dan {ref}",
            taal,
            aantal=_aantal(vaak_lang, a.soort, taal),
            ref=a.referentie_naam,
        )
        if vaak_lang == 1
        else t(
            "Verzuimvenster: {aantal} melden vaker én verzuimen meer dan {ref}",
            taal,
            aantal=_aantal(vaak_lang, a.soort, taal),
            ref=a.referentie_naam,
        )
    )


def _kwadrant_lijnen(a: Afdelingen) -> tuple[float | None, float | None]:
    """The quadrant lines: the reference unit's values, else the pooled rates of the units."""
    f = a.ref_waarde("meldingsfrequentie")
    p = a.ref_waarde("verzuimpercentage")
    return (
        f if f is not None else a.funnels["meldingsfrequentie"].doel,
        p if p is not None else a.funnels["verzuimpercentage"].doel,
    )


def heatmap_titel(a: Afdelingen, taal: str) -> str:
    """The unit whose verzuimpercentage rose (or fell) most against a year earlier."""
    nu = a.getoond().select("eenheid", "naam", "verzuimpercentage")
    toen = a.vorig.filter(~pl.col("onderdrukt") & ~pl.col("geen_gegevens")).select(
        "eenheid", pl.col("verzuimpercentage").alias("toen")
    )
    paren = nu.join(toen, on="eenheid").with_columns(
        (pl.col("verzuimpercentage") - pl.col("toen")).alias("d")
    )
    if not paren.height:
        return t("Verzuimpercentage per maand", taal)
    grootste = paren.sort("d", descending=True).row(0, named=True)
    if grootste["d"] <= 0:
        grootste = paren.sort("d").row(0, named=True)
    if paren.height == 1:
        sleutel = "{naam}: van {toen} naar {nu} ({periode} tegen een jaar eerder)"
    elif grootste["d"] > 0:
        sleutel = (
            "Grootste stijging: {naam}, van {toen} naar {nu} ({periode} tegen een jaar eerder)"
        )
    else:
        sleutel = "Overal daling; het sterkst bij {naam}, van {toen} naar {nu} ({periode} tegen een jaar eerder)"
    periode = t("12 maanden", taal) if a.basis == "r12" else t("maand", taal)
    return t(
        sleutel,
        taal,
        naam=grootste["naam"],
        toen=fmt.procent(grootste["toen"], 1, taal),
        nu=fmt.procent(grootste["verzuimpercentage"], 1, taal),
        periode=periode,
    )


def regelkaart_titel(r: Regelkaart, taal: str) -> str:
    """'Regelkaart Afdeling Luchtvaart: 7 signalen in de laatste 12 maanden (8 maanden boven ...)'."""
    reeks = r.reeks
    if not reeks.height or reeks["onderdrukt"].all():
        return t("Regelkaart {naam}: groep te klein om te tonen", taal, naam=r.naam)
    if reeks.filter(~pl.col("onderdrukt"))["verzuimpercentage"].drop_nulls().len() < 12:
        return t(
            "Regelkaart {naam}: te weinig maanden met cijfers (minstens 12)", taal, naam=r.naam
        )
    laatste = [s for s in reeks["signaal"].to_list()[-12:] if s]
    if not laatste:
        return t(
            "Regelkaart {naam}: geen signalen in de laatste 12 maanden, schommelingen binnen toeval",
            taal,
            naam=r.naam,
        )
    meest = Counter(laatste).most_common(1)[0][0]
    return t(
        "Regelkaart {naam}: {n} met een signaal in de laatste 12 maanden ({soort})",
        taal,
        naam=r.naam,
        n=f"{len(laatste)} {(t('maand', taal) if len(laatste) == 1 else t('maanden', taal))}",
        soort=t(meest, taal),
    )


def regelkaart_uitleg(r: Regelkaart, taal: str) -> str:
    """How to read the control chart."""
    return t(
        "De middenlijn is het gemiddelde van de eerste {n} maanden (de basisperiode); de grenzen "
        "(Laney p′, 3σ) geven aan hoeveel een maand door toeval kan afwijken. Een signaal: een maand "
        "buiten de grenzen, 8 maanden op rij aan één kant van de middenlijn, of 6 maanden op rij "
        "stijgend of dalend. De spreiding komt uit de standaardafwijking van de basisperiode: "
        "verzuim loopt van maand tot maand door (lange ziekmeldingen), en dan zijn grenzen uit "
        "opeenvolgende verschillen te smal.",
        taal,
        n=r.basis_maanden,
    )


# -- figures -------------------------------------------------------------------------------------


def ranking_figuur(a: Afdelingen, ctx: Context, metriek: str = "verzuimpercentage") -> go.Figure:
    """Sorted bars with 95% intervals and the reference unit's value as a line."""
    titel = ranking_titel(a, metriek, ctx.taal)
    return grafiek.ranking(
        volgorde(a.eenheden, metriek),
        kader(a, ctx, titel),
        metriek=metriek,
        referentie=(a.referentie_naam, a.ref_waarde(metriek)),
        markeer=a.markeer,
    )


def funnel_figuur(
    a: Afdelingen, ctx: Context, metriek: statistics.Metriek = "verzuimpercentage"
) -> go.Figure:
    """Rate against size with 95% and 99.8% limits around the pooled rate."""
    f = a.funnels[metriek]
    # the statistics work in beschikbare dagen / person-years; the reader sees FTE / bezetting
    schaal = 1 / a.periode.dagen if metriek == "verzuimpercentage" else 12 / a.periode.k
    return grafiek.funnel(
        f,
        kader(a, ctx, funnel_titel(a, metriek, ctx.taal)),
        schaal=schaal,
        onderdrukt=_niet_getoond(a),
        markeer=a.markeer,
    )


def _niet_getoond(a: Afdelingen) -> list[str]:
    return a.eenheden.filter(pl.col("onderdrukt") & ~pl.col("geen_gegevens"))["naam"].to_list()


def venster_figuur(a: Afdelingen, ctx: Context) -> go.Figure:
    """Verzuimpercentage against meldingsfrequentie, bubble size = bezetting."""
    ref_f, ref_p = _kwadrant_lijnen(a)
    return grafiek.venster(
        a.eenheden,
        kader(a, ctx, venster_titel(a, ctx.taal)),
        referentie=(a.referentie_naam, ref_f, ref_p),
        onderdrukt=_niet_getoond(a),
        markeer=a.markeer,
    )


def heatmap_figuur(a: Afdelingen, ctx: Context) -> go.Figure:
    """Monthly verzuimpercentage per unit over the last 24 months, the reference unit on top."""
    titel = heatmap_titel(a, ctx.taal)
    van = a.maanden["van"].min() if a.maanden.height else None
    tot = a.maanden["van"].max() if a.maanden.height else None
    k = Kader(
        titel,
        " · ".join(
            [_wat(a, ctx), t("per maand", ctx.taal) + " " + periode_tekst(van, tot, ctx.taal)]
            + ([ctx.filter_tekst()] if ctx.filter_tekst() else [])
        ),
        ctx.peildatum,
        ctx.min_groep,
        ctx.taal,
    )
    rijen = [
        (r["eenheid"], r["naam"])
        for r in volgorde(a.eenheden, "verzuimpercentage").iter_rows(named=True)
    ]
    ref_naam = f"{a.referentie_naam} ({t('totaal', ctx.taal)})"
    return grafiek.heatmap(
        pl.concat(
            [
                a.ref_maanden.select(
                    "eenheid", "van", "verzuimpercentage", "onderdrukt", "geen_gegevens"
                ),
                a.maanden.select(
                    "eenheid", "van", "verzuimpercentage", "onderdrukt", "geen_gegevens"
                ),
            ]
        ),
        [(a.referentie, ref_naam), *rijen],
        k,
        markeer=a.markeer,
    )


def regelkaart_figuur(r: Regelkaart, ctx: Context) -> go.Figure:
    """The control chart of one unit."""
    reeks = r.reeks
    van = reeks["van"].min() if reeks.height else None
    tot = reeks["van"].max() if reeks.height else None
    delen = [ctx.boom.naam(r.eenheid)]
    if van is not None:
        delen.append(periode_tekst(van, tot, ctx.taal))
    if ctx.filter_tekst():
        delen.append(ctx.filter_tekst())
    k = Kader(
        regelkaart_titel(r, ctx.taal), " · ".join(delen), ctx.peildatum, ctx.min_groep, ctx.taal
    )
    return grafiek.regelkaart(reeks, k, basis_maanden=r.basis_maanden)


# -- tables --------------------------------------------------------------------------------------


def tabel(a: Afdelingen, taal: str = "nl") -> pl.DataFrame:
    """The numbers behind the ranking, funnel and verzuimvenster, one row per unit."""
    vorig = a.vorig.select(
        "eenheid", pl.col("verzuimpercentage").alias("_vorig_pct"),
        pl.col("meldingsfrequentie").alias("_vorig_freq"),
    )  # fmt: skip
    frame = volgorde(a.eenheden, "verzuimpercentage").join(
        vorig, on="eenheid", how="left", maintain_order="left"
    )

    def positie(kolom: str) -> pl.Expr:
        return pl.col(kolom).replace_strict(
            {k: t(v, taal) for k, v in _POSITIES.items()}, default=None, return_dtype=pl.String
        )

    return frame.select(
        pl.col("naam").alias(t("Eenheid", taal)),
        pl.col("bezetting").alias(t("Bezetting", taal)),
        pl.col("fte").alias(t("FTE", taal)),
        pl.col("verzuimpercentage").alias(t("Verzuimpercentage", taal)),
        pl.col("verzuimpercentage_laag").alias(t("Verzuimpercentage 95%-interval van", taal)),
        pl.col("verzuimpercentage_hoog").alias(t("Verzuimpercentage 95%-interval tot", taal)),
        positie("verzuimpercentage_klasse_998").alias(t("Verzuimpercentage in de funnel", taal)),
        pl.col("_vorig_pct").alias(t("Verzuimpercentage een jaar eerder", taal)),
        pl.col("meldingen").alias(t("Meldingen", taal)),
        pl.col("meldingsfrequentie").alias(t("Meldingsfrequentie", taal)),
        pl.col("meldingsfrequentie_laag").alias(t("Meldingsfrequentie 95%-interval van", taal)),
        pl.col("meldingsfrequentie_hoog").alias(t("Meldingsfrequentie 95%-interval tot", taal)),
        positie("meldingsfrequentie_klasse_998").alias(t("Meldingsfrequentie in de funnel", taal)),
        pl.col("_vorig_freq").alias(t("Meldingsfrequentie een jaar eerder", taal)),
        pl.col("gem_verzuimduur").alias(t("Gemiddelde verzuimduur", taal)),
        "onderdrukt",
    )


_POSITIES = {
    "boven": "boven de 99,8%-grens",
    "binnen": "binnen de grenzen",
    "onder": "onder de 99,8%-grens",
}


def tabel_maanden(a: Afdelingen, taal: str = "nl") -> pl.DataFrame:
    """The heat map's numbers: one row per unit and month."""
    ref_naam = f"{a.referentie_naam} ({t('totaal', taal)})"
    namen = dict(zip(a.eenheden["eenheid"].to_list(), a.eenheden["naam"].to_list(), strict=True))
    namen[a.referentie] = ref_naam
    volg = [a.referentie, *volgorde(a.eenheden, "verzuimpercentage")["eenheid"].to_list()]
    rang = {e: i for i, e in enumerate(volg)}
    kolommen = ["eenheid", "van", "bezetting", "verzuimpercentage", "meldingen", "onderdrukt"]
    frame = pl.concat([a.ref_maanden.select(kolommen), a.maanden.select(kolommen)])
    return (
        frame.with_columns(
            pl.col("eenheid").replace_strict(rang, return_dtype=pl.Int64).alias("_rang"),
            pl.col("eenheid").replace_strict(namen, return_dtype=pl.String).alias("_naam"),
        )
        .sort(["_rang", "van"])
        .select(
            pl.col("_naam").alias(t("Eenheid", taal)),
            pl.col("van").alias(t("Maand", taal)),
            pl.col("bezetting").alias(t("Bezetting", taal)),
            pl.col("verzuimpercentage").alias(t("Verzuimpercentage", taal)),
            pl.col("meldingen").alias(t("Meldingen", taal)),
            "onderdrukt",
        )
    )


def tabel_regelkaart(r: Regelkaart, taal: str = "nl") -> pl.DataFrame:
    """The control chart's numbers per month."""
    return r.reeks.select(
        pl.col("van").alias(t("Maand", taal)),
        pl.col("verzuimpercentage").alias(t("Verzuimpercentage", taal)),
        pl.col("centrum").alias(t("Middenlijn (%)", taal)),
        pl.col("ondergrens").alias(t("Ondergrens (%)", taal)),
        pl.col("bovengrens").alias(t("Bovengrens (%)", taal)),
        pl.col("signaal")
        .replace_strict(
            {s: t(s, taal) for s in r.reeks["signaal"].unique().to_list()}, return_dtype=pl.String
        )
        .alias(t("Signaal", taal)),
        "onderdrukt",
    ).sort(t("Maand", taal), descending=True)
