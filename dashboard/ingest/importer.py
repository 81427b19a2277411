"""One import: read, refuse identifiers, validate every rule, then replace snapshots atomically.

Nothing is written unless every file of the import passed every check; the CLI and the app
(Gegevens page) both call `importeer`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from dashboard import format as fmt
from dashboard.appdb import schrijf_log
from dashboard.config import settings
from dashboard.ingest import gebeurtenissen, identifiers, validate
from dashboard.ingest.columns import SOORTEN
from dashboard.ingest.read import LeesFout, lees
from dashboard.ingest.report import leeg_rapport, probleem, samenvoegen
from dashboard.rollen import LOKAAL, Gebruiker, vereis
from dashboard.store import NieuweSnapshot, Store


@dataclass(frozen=True)
class Bestand:
    """One extract file of a stated kind."""

    soort: str
    naam: str
    inhoud: bytes

    @classmethod
    def van_pad(cls, soort: str, pad: str | Path) -> Bestand:
        """Read a file from disk (a missing file raises OSError)."""
        p = Path(pad)
        return cls(soort, p.name, p.read_bytes())

    @property
    def sha256(self) -> str:
        """Hash of the file content, for the import log."""
        return hashlib.sha256(self.inhoud).hexdigest()


@dataclass
class Resultaat:
    """What an import did or why it was refused."""

    geslaagd: bool
    rapport: pl.DataFrame
    meldingen: list[str] = field(default_factory=list)
    samenvatting: list[str] = field(default_factory=list)
    peildatum: dt.date | None = None
    import_id: int | None = None


@dataclass
class _Gelezen:
    bestand: Bestand
    rijen_gelezen: int
    schoon: pl.DataFrame


@dataclass
class _Huidig:
    """The active data in the store that the rules of a new import refer to."""

    eenheden: dict[str, str] = field(default_factory=dict)  # unit -> organisation
    medewerkers: set[str] = field(default_factory=set)
    peildatum: dt.date | None = None
    organisatie_van_medewerker: pl.DataFrame | None = None


def _huidige_context(store: Store | None) -> _Huidig:
    if store is None:
        return _Huidig()
    mw_org = store.query("import_huidig_medewerkers")
    return _Huidig(
        eenheden=dict(store.query("import_huidig_eenheden").iter_rows()),
        medewerkers=set(mw_org["medewerker_id"].to_list()),
        peildatum=store.query("import_huidige_peildatum")["peildatum"][0],
        organisatie_van_medewerker=mw_org,
    )


def importeer(
    store: Store | Callable[[], Store],
    bestanden: list[Bestand],
    *,
    peildatum: dt.date | None = None,
    gebruiker: str = "onbekend",
    bevestig: bool = False,
    wie: Gebruiker = LOKAAL,
) -> Resultaat:
    """Validate every file; when all pass, store them as new snapshots in one transaction.

    `store` is an open Store, or a callable that creates a new one: it is called only when the
    import passed every check, so a refused import never creates or touches a store file.
    """
    vereis(wie, "beheerder")  # before any file is read
    opener = None if isinstance(store, Store) else store
    bestaand = store if isinstance(store, Store) else None
    meldingen: list[str] = []
    per_soort: dict[str, _Gelezen] = {}
    problemen: list[pl.DataFrame] = [leeg_rapport()]

    soorten = [b.soort for b in bestanden]
    dubbel = {s for s in soorten if soorten.count(s) > 1}
    for s in dubbel:
        problemen.append(
            probleem("(import)", f"er zijn meerdere {s}-bestanden opgegeven; geef er één")
        )
    if not bestanden:
        problemen.append(probleem("(import)", "er zijn geen bestanden opgegeven"))

    ruw: dict[str, tuple[Bestand, validate.Gekoppeld, int]] = {}
    for b in bestanden:
        if b.soort not in SOORTEN:
            problemen.append(probleem(b.naam, f"onbekende soort extract '{b.soort}'"))
            continue
        try:
            tabel = lees(b.inhoud, b.naam, b.soort)
        except LeesFout as fout:
            problemen.append(probleem(b.naam, str(fout), rij=fout.rij))
            continue
        id_problemen = identifiers.controleer(tabel, b.soort)
        if id_problemen.height:
            problemen.append(id_problemen)
            continue  # never parse further a file that holds identifiers
        gekoppeld, kop_problemen = validate.koppel(tabel, b.soort)
        meldingen += gekoppeld.meldingen
        if kop_problemen.height:
            problemen.append(kop_problemen)
            continue
        ruw[b.soort] = (b, gekoppeld, tabel.frame.height)

    if samenvoegen(problemen).height:
        return Resultaat(False, samenvoegen(problemen), meldingen)

    huidig = _huidige_context(bestaand)

    samenvatting_vooraf: list[str] = []
    # organisatie first: it defines the units the other kinds refer to
    eenheden: set[str] | None = set(huidig.eenheden) or None
    root_van: dict[str, str] = dict(huidig.eenheden)
    if "organisatie" in ruw:
        b, g, n = ruw["organisatie"]
        schoon, p = validate.valideer_organisatie(b.naam, g)
        problemen.append(_met_eigen_koppen(p, g))
        per_soort["organisatie"] = _Gelezen(b, n, schoon)
        eenheden = set(schoon["eenheid"].drop_nulls().to_list())
        root_van = _roots(schoon)

    if "personeel" in ruw:
        b, g, n = ruw["personeel"]
        voltijd = settings().voltijd_uren
        schoon, p = validate.valideer_personeel(
            b.naam, g, validate.Context(eenheden=eenheden, voltijd_uren=voltijd)
        )
        problemen.append(_met_eigen_koppen(p, g))
        per_soort["personeel"] = _Gelezen(b, n, schoon)
        samenvatting_vooraf += _uren_samenvatting(g, voltijd)
        medewerkers: set[str] | None = set(schoon["medewerker_id"].drop_nulls().to_list())
    else:
        medewerkers = huidig.medewerkers

    if "verzuim" in ruw:
        b, g, n = ruw["verzuim"]
        if gebeurtenissen.is_gebeurtenissen(g):
            # events (sick report, recoveries) become spells first, then the spell rules apply
            g, p = gebeurtenissen.naar_perioden(b.naam, g)
            problemen.append(p)
            samenvatting_vooraf.append(
                f"verzuim: {b.naam} bevat mutaties (ziekmelding, gedeeltelijk en volledig herstel); "
                f"ze zijn samengevoegd tot {fmt.getal(g.frame['melding_id'].n_unique())} "
                "verzuimmeldingen"
            )
        meldingen += validate.meldingen_percentage(g)
        schoon, p = validate.valideer_verzuim(
            b.naam, g, validate.Context(medewerkers=medewerkers, peildatum=peildatum)
        )
        problemen.append(_met_eigen_koppen(p, g))
        per_soort["verzuim"] = _Gelezen(b, n, schoon)

    if "enquete" in ruw:
        b, g, n = ruw["enquete"]
        schoon, p = validate.valideer_enquete(b.naam, g, validate.Context(eenheden=eenheden))
        problemen.append(_met_eigen_koppen(p, g))
        per_soort["enquete"] = _Gelezen(b, n, schoon)

    rapport = samenvoegen(problemen)
    if rapport.height:
        return Resultaat(False, rapport, meldingen)
    del ruw  # the text frames are no longer needed; free them before the store works

    # The peildatum: given, else the latest date in the absence extract, else the store's.
    if peildatum is None:
        if "verzuim" in per_soort:
            peildatum = validate.laatste_datum(per_soort["verzuim"].schoon)
            if peildatum is not None:
                meldingen.append(
                    f"Geen peildatum opgegeven: de laatste datum in het verzuimextract is gebruikt "
                    f"({peildatum:%d-%m-%Y})."
                )
        if peildatum is None and huidig.peildatum is not None:
            peildatum = huidig.peildatum
            meldingen.append(
                f"Geen peildatum opgegeven: de peildatum van de opslag is gebruikt ({peildatum:%d-%m-%Y})."
            )
        if peildatum is None:
            return Resultaat(
                False,
                probleem(
                    "(import)",
                    "geen peildatum: geef de peildatum op (de laatste dag die het extract dekt)",
                ),
                meldingen,
            )

    # Units found only in personeel become roots when the store knows no organisation at all.
    if "personeel" in per_soort and eenheden is None:
        codes = sorted(set(per_soort["personeel"].schoon["eenheid"].to_list()))
        per_soort["organisatie"] = _Gelezen(
            Bestand("organisatie", "(afgeleid uit personeel)", b""),
            0,
            pl.DataFrame(
                {"eenheid": codes, "naam": codes, "bovenliggende_eenheid": [None] * len(codes)},
                schema={
                    "eenheid": pl.String,
                    "naam": pl.String,
                    "bovenliggende_eenheid": pl.String,
                },
            ),
        )
        root_van = {c: c for c in codes}
        meldingen.append(
            "Geen organisatie-extract: de eenheden uit het personeelsextract zijn als zelfstandige "
            f"organisaties opgenomen ({len(codes)})."
        )

    snapshots = _snapshots(per_soort, root_van, huidig.organisatie_van_medewerker)
    doel = bestaand if bestaand is not None else opener() if opener is not None else None
    if doel is None:
        raise ValueError("importeer heeft een Store of een opener nodig om te schrijven")
    ingelezen = {
        s: (g.bestand, g.rijen_gelezen, g.schoon.height if s != "enquete" else g.rijen_gelezen)
        for s, g in per_soort.items()
    }
    per_soort.clear()  # only `snapshots` holds the rows now; the store empties it while writing
    organisaties = sorted({sn.organisatie for sn in snapshots})
    vereis(wie, "beheerder", organisaties)  # importing is for a beheerder of every organisation
    import_id = doel.vervang_snapshots(
        snapshots,
        gebruiker=gebruiker,
        peildatum=peildatum,
        bestanden=[
            {"soort": s, "naam": b.naam, "sha": b.sha256, "gelezen": n, "ok": ok}
            for s, (b, n, ok) in ingelezen.items()
            if b.inhoud
        ],
        omschrijving=", ".join(f"{b.naam} ({s})" for s, (b, _, _) in ingelezen.items()),
        bevestigd=bevestig,  # a suspicious import raises VerdachteImport unless confirmed
    )
    schrijf_log(
        doel, wie, "import", ", ".join(f"{b.naam} ({s})" for s, (b, _, _) in ingelezen.items()),
        naam=gebruiker, organisatie=organisaties, maand=f"{peildatum:%Y-%m}",
        details={"import_id": import_id, "peildatum": peildatum},
    )  # fmt: skip
    samenvatting = [
        f"{s}: {fmt.getal(ok)} rijen ingelezen uit {b.naam}"
        for s, (b, _, ok) in ingelezen.items()
        if b.inhoud
    ]
    samenvatting += samenvatting_vooraf
    samenvatting.append(f"Organisaties bijgewerkt: {', '.join(organisaties)}")
    samenvatting.append(f"Peildatum: {peildatum:%d-%m-%Y}")
    return Resultaat(True, leeg_rapport(), meldingen, samenvatting, peildatum, import_id)


def _uren_samenvatting(g: validate.Gekoppeld, voltijd: float) -> list[str]:
    """How the part-time factor was made when the file gives hours per week."""
    if "uren_per_week" not in g.frame.columns:
        return []
    kop = g.koppen.get("uren_per_week", "uren_per_week")
    if "deeltijdfactor" in g.frame.columns:
        return [
            f"personeel: kolom '{kop}' is niet gebruikt; de deeltijdfactor staat al in het bestand"
        ]
    return [
        f"personeel: deeltijdfactor = '{kop}' / {fmt.getal(voltijd, 0 if voltijd.is_integer() else 1)} uur (een voltijdse week; "
        "instelling VERZUIMZICHT_VOLTIJD_UREN)"
    ]


def _met_eigen_koppen(rapport: pl.DataFrame, g: validate.Gekoppeld) -> pl.DataFrame:
    """Name columns in a report as the user wrote them ('Datum ziekmelding', not the canonical
    'eerste_verzuimdag')."""
    if not g.koppen or rapport.height == 0:
        return rapport
    return rapport.with_columns(pl.col("kolom").replace(g.koppen))


def _roots(organisatie: pl.DataFrame) -> dict[str, str]:
    ouder = dict(organisatie.select("eenheid", "bovenliggende_eenheid").iter_rows())
    roots: dict[str, str] = {}
    for eenheid in ouder:
        huidig, gezien = eenheid, {eenheid}
        while ouder.get(huidig) is not None and ouder[huidig] not in gezien:
            huidig = ouder[huidig]
            gezien.add(huidig)
        roots[eenheid] = huidig
    return roots


_KOLOMMEN = {
    "organisatie": ["eenheid", "naam", "bovenliggende_eenheid"],
    "personeel": [
        "medewerker_id",
        "eenheid",
        "begindatum",
        "einddatum",
        "deeltijdfactor",
        "leeftijdsklasse",
        "geslacht",
        "schaalgroep",
    ],
    "verzuim": [
        "medewerker_id",
        "melding_id",
        "melding_nr",
        "eerste_verzuimdag",
        "laatste_verzuimdag",
        "ao_percentage",
        "verzuimsoort",
    ],
    "enquete": ["meting", "eenheid", "respondenten", "schaal", "score"],
}


def _snapshots(
    per_soort: dict[str, _Gelezen], root_van: dict[str, str], mw_org_store: pl.DataFrame | None
) -> list[NieuweSnapshot]:
    """Split each kind's rows by client organisation (and survey wave)."""
    result: list[NieuweSnapshot] = []
    roots = pl.DataFrame(
        {"eenheid": list(root_van), "_org": list(root_van.values())},
        schema={"eenheid": pl.String, "_org": pl.String},
    )
    for soort, g in per_soort.items():
        rijen = g.schoon
        if soort in ("organisatie", "personeel", "enquete"):
            rijen = rijen.join(roots, on="eenheid", how="left")
        else:  # verzuim: the organisation of the employee's latest employment period
            personeel = per_soort.get("personeel")
            if personeel is not None:
                mw_org = (
                    personeel.schoon.sort("begindatum")
                    .group_by("medewerker_id")
                    .agg(pl.col("eenheid").last())
                    .join(roots, on="eenheid", how="left")
                    .select("medewerker_id", "_org")
                )
                rijen = rijen.join(mw_org, on="medewerker_id", how="left")
            elif mw_org_store is not None:
                rijen = rijen.join(mw_org_store, on="medewerker_id", how="left")
            else:
                rijen = rijen.with_columns(pl.lit(None, pl.String).alias("_org"))
        rijen = rijen.with_columns(pl.col("_org").fill_null(_ORG_ONBEKEND))
        sleutels = ["_org", "meting"] if soort == "enquete" else ["_org"]
        for key, deel in rijen.group_by(sleutels, maintain_order=True):
            organisatie = str(key[0])
            sleutel = str(key[1]) if soort == "enquete" else ""
            result.append(
                NieuweSnapshot(soort, organisatie, sleutel, deel.select(_KOLOMMEN[soort]))
            )
    return result


#: Stand-in organisation for absence rows whose organisation follows from the store's staff data.
_ORG_ONBEKEND = "*"
