"""Gegevens: read in extracts, see what was wrong with them, the history, restore, data quality."""

import datetime as dt
import hashlib

import polars as pl
import streamlit as st

from dashboard import format as fmt
from dashboard.exports.xlsx import rapport_xlsx
from dashboard.i18n import t
from dashboard.ingest.columns import SOORTEN
from dashboard.ingest.importer import Bestand
from dashboard.ui import data, pagina
from dashboard.ui.components import XLSX_MIME
from dashboard.veilig import csv_frame, markdown_tekst
from dashboard.views import gegevens as view

store = data.store()
if data.boom(data.versie()).organisaties:
    selectie, toegang = pagina.selectie()
    taal = selectie.taal
else:
    # an empty store: this is the page where data comes in, so it must not stop here
    pagina.vereis_kader()
    toegang = pagina.toegang()
    taal = st.session_state.get("sel_taal") or st.query_params.get("taal", "nl")

#: Imports and restores for a beheerder (and in local mode); the data layer refuses others too.
WIE = pagina.gebruiker()
MAG_WIJZIGEN = WIE.heeft("beheerder")
KEUZES: list[str] = list(SOORTEN)
ss = st.session_state


def gebruiker() -> str:
    """Name for the import log: the signed-in e-mail address, else 'lokaal'."""
    try:
        if st.user.get("is_logged_in") and st.user.get("email"):
            return str(st.user.get("email"))
    except Exception:  # no sign-in configured
        pass
    return "lokaal"


@st.cache_data(show_spinner=False, max_entries=64)
def herkenning(sha: str, naam: str, _inhoud: bytes) -> view.Herkenning:
    """The kind of an uploaded file (cached per content)."""
    return view.herken(naam, _inhoud)


@st.cache_data(show_spinner=False, max_entries=16)
def laatste_datum(sha: str, naam: str, _inhoud: bytes) -> dt.date | None:
    """The latest date in an uploaded absence extract (cached per content)."""
    return view.laatste_verzuimdatum(naam, _inhoud)


def na_wijziging() -> None:
    """Run the app again on the new store version, so that the sidebar shows the new data."""
    # data.boom and data.opties take the version as `_versie`, a name st.cache_data does not hash:
    # without clearing them the tree of before the import would stay
    data.boom.clear()
    data.opties.clear()
    st.rerun()


def melding_sluiten() -> None:
    ss.pop("gegevens_melding", None)


def vraag_import() -> None:
    ss["gegevens_import_gevraagd"] = True


def toon_melding() -> None:
    """The outcome of the last import or restore (kept across the rerun that refreshes the app)."""
    melding = ss.get("gegevens_melding")
    if not melding:
        return
    with st.container(border=True):
        # file names, headers and codes from the files: plain text (veilig.markdown_tekst)
        (st.success if melding["geslaagd"] else st.error)(markdown_tekst(melding["kop"]))
        for regel in melding.get("samenvatting", []):
            st.markdown(f"- {markdown_tekst(regel)}")
        for regel in melding.get("meldingen", []):
            st.info(markdown_tekst(regel), icon=":material/info:")
        st.button(t("Sluiten", taal), key="gegevens_melding_sluiten", on_click=melding_sluiten)


def toon_weigering(uitkomst: view.Uitkomst) -> None:
    """A refused import: the headline, privacy refusals explained, the problems, the report."""
    st.error(markdown_tekst(uitkomst.kop), icon=":material/block:")
    if uitkomst.privacy:
        with st.container(border=True):
            st.markdown(
                "**" + t("Identificerende of medische gegevens geweigerd", taal) + "**\n\n"
                + "\n".join(f"- {markdown_tekst(regel)}" for regel in uitkomst.privacy)
            )  # fmt: skip
            st.caption(
                t(
                    "Verzuimzicht neemt alleen geanonimiseerde gegevens op: geen namen, BSN, "
                    "contactgegevens, geboortedata of medische informatie. Verwijder deze kolommen "
                    "uit het extract en lees het opnieuw in. Een bestand met zulke kolommen is "
                    "niet verder gecontroleerd; andere fouten erin ziet u pas daarna.",
                    taal,
                )
            )
    if uitkomst.rapport.height:
        tabel, noot = view.rapport_scherm(uitkomst.rapport, taal)
        # (the table's own CSV download writes what is shown: no value may be a formula there)
        st.dataframe(csv_frame(tabel), hide_index=True, width="stretch")
        if noot:
            st.caption(noot)
    rapport = uitkomst.rapport
    if rapport.height:
        # built when clicked: a large report takes a while and most refusals are read on screen
        st.download_button(
            t("Download probleemrapport (Excel)", taal), lambda: rapport_xlsx(rapport.head(view.EXCEL_MAX)),
            file_name=f"probleemrapport_{dt.date.today():%Y%m%d}.xlsx", mime=XLSX_MIME,
            key="gegevens_rapport_xlsx", icon=":material/download:", on_click="ignore",
        )  # fmt: skip
    if rapport.height > view.EXCEL_MAX:
        st.caption(
            t(
                "Het Excel-rapport bevat de eerste {n} problemen; het CSV-bestand bevat ze alle "
                "{totaal}.",
                taal,
                n=fmt.getal(view.EXCEL_MAX, 0, taal),
                totaal=fmt.getal(rapport.height, 0, taal),
            )
        )
        st.download_button(
            t("Download alle problemen (CSV)", taal), lambda: view.rapport_csv(rapport),
            file_name=f"probleemrapport_{dt.date.today():%Y%m%d}.csv", mime="text/csv",
            key="gegevens_rapport_csv", icon=":material/download:", on_click="ignore",
        )  # fmt: skip
    for regel in uitkomst.meldingen:
        st.info(markdown_tekst(regel), icon=":material/info:")


def inlezen(peil_nu: dt.date | None) -> None:
    """Upload, recognise, choose the kind, the peildatum, import."""
    st.subheader(t("Extracten inlezen", taal))
    st.caption(
        t(
            "Alle bestanden van één upload worden samen gecontroleerd en in één keer ingelezen: "
            "alles of niets. Bij een fout verandert er niets.",
            taal,
        )
    )
    ronde = ss.setdefault("gegevens_upload_ronde", 0)
    bestanden = st.file_uploader(
        t("Extracten (CSV of Excel)", taal),
        accept_multiple_files=True,
        key=f"gegevens_upload_{ronde}",
        help=t(
            "Organisatie, personeel, verzuim en/of enquête. CSV met ; of , als scheidingsteken "
            "(UTF-8 of Windows-1252) of Excel (.xlsx).",
            taal,
        ),
    )
    if not bestanden:
        return

    gelezen = [(f.name, f.getvalue()) for f in bestanden]
    hashes = [hashlib.sha256(inhoud).hexdigest() for _, inhoud in gelezen]
    eerder = view.eerder_ingelezen(store, hashes)
    gekozen: list[str | None] = []
    for i, ((naam, inhoud), sha) in enumerate(zip(gelezen, hashes, strict=True)):
        h = herkenning(sha, naam, inhoud)
        with st.container(border=True):
            links, rechts = st.columns([3, 2])
            with links:
                st.markdown(f"**{markdown_tekst(naam)}**")
                st.caption(f"{view.grootte(len(inhoud), taal)} · SHA-256 {sha[: view.SHA_KORT]}")
                if h.fout:
                    st.error(
                        t("Kan niet worden gelezen: {fout}.", taal, fout=markdown_tekst(h.fout)),
                        icon=":material/error:",
                    )
                elif h.soort is None:
                    st.warning(
                        t("De soort is niet herkend aan de kolomnamen; kies de soort.", taal),
                        icon=":material/help:",
                    )
                elif not h.zeker:
                    st.warning(
                        t(
                            "Lijkt een {soort}-extract, maar niet alle verplichte kolommen zijn "
                            "gevonden; de import zal zeggen welke ontbreken.",
                            taal,
                            soort=h.soort,
                        ),
                        icon=":material/help:",
                    )
                else:
                    st.caption(t("Herkend aan de kolomnamen: {soort}.", taal, soort=h.soort))
                if sha in eerder:
                    e = eerder[sha]
                    st.caption(
                        ":material/history: "
                        + t(
                            "Dit bestand is al eerder ingelezen (import {n} van {moment}{actief}).",
                            taal,
                            n=e.import_id,
                            moment=view.tijdstip(e.tijdstip, taal),
                            actief=t(", nog actief", taal) if e.nog_actief else "",
                        )
                    )
            with rechts:
                gekozen.append(
                    st.selectbox(
                        t("Soort", taal),
                        KEUZES,
                        index=KEUZES.index(h.soort) if h.soort in KEUZES else None,
                        format_func=lambda s: t(view.SOORT_LABEL[s], taal),
                        placeholder=t("Kies de soort…", taal),
                        key=f"gegevens_soort_{ronde}_{i}_{sha[:16]}",
                    )
                )

    verzuim = [(n, b, s) for (n, b), s, k in zip(gelezen, hashes, gekozen, strict=True) if k == "verzuim"]  # fmt: skip
    peildatum = st.date_input(
        t("Peildatum (optioneel)", taal),
        value=None,
        format="DD-MM-YYYY",
        min_value=dt.date(2000, 1, 1),
        max_value=dt.date.today(),
        key="gegevens_peildatum",
        help=t("De laatste dag die de extracten dekken.", taal),
    )
    if peildatum is None:
        if len(verzuim) == 1:
            naam, inhoud, sha = verzuim[0]
            voorstel = laatste_datum(sha, naam, inhoud)
            st.caption(
                t(
                    "Leeg gelaten: de peildatum wordt de laatste datum in het verzuimextract "
                    "({datum}).",
                    taal,
                    datum=fmt.datum(voorstel, taal),
                )
                if voorstel
                else t(
                    "Leeg gelaten: de peildatum wordt de laatste datum in het verzuimextract.",
                    taal,
                )
            )
        elif peil_nu is not None:
            st.caption(
                t(
                    "Leeg gelaten: zonder verzuimextract blijft de peildatum van de huidige "
                    "gegevens gelden ({datum}).",
                    taal,
                    datum=fmt.datum(peil_nu, taal),
                )
            )

    ontbreekt = [naam for (naam, _), k in zip(gelezen, gekozen, strict=True) if k is None]
    if ontbreekt:
        st.caption(
            t("Kies eerst de soort van: {namen}.", taal, namen=markdown_tekst(", ".join(ontbreekt)))
            + " "
            + t("Een bestand dat niet gelezen kan worden, kunt u ook verwijderen.", taal)
        )
    bevestig = st.checkbox(
        t(
            "Ook inlezen als meer dan de helft van de huidige rijen verdwijnt of de peildatum "
            "teruggaat",
            taal,
        ),
        key="gegevens_bevestig",
        help=t(
            "Zo'n import lijkt meestal op een vergissing (een onvolledig of oud extract) en wordt "
            "zonder dit vinkje geweigerd.",
            taal,
        ),
    )
    sleutel = (tuple(zip(hashes, gekozen, strict=True)), peildatum, bevestig)
    st.button(
        t("Importeren", taal),
        type="primary",
        disabled=bool(ontbreekt),
        key="gegevens_importeren",
        icon=":material/upload:",
        on_click=vraag_import,
    )
    # the click is kept in the session (not the button's return value), so that it survives the
    # frame's first-run rerun (pagina.vereis_kader)
    if ss.pop("gegevens_import_gevraagd", False) and not ontbreekt:
        lijst = [
            Bestand(str(k), naam, inhoud)
            for (naam, inhoud), k in zip(gelezen, gekozen, strict=True)
        ]
        with st.spinner(t("De bestanden worden gecontroleerd en ingelezen…", taal)):
            uitkomst = view.importeer(
                store, lijst, peildatum=peildatum, gebruiker=gebruiker(), taal=taal,
                bevestig=bevestig, wie=WIE,
            )  # fmt: skip
        ss.pop("gegevens_weigering", None)
        if uitkomst.geslaagd:
            ss["gegevens_melding"] = {
                "geslaagd": True,
                "kop": uitkomst.kop,
                "samenvatting": uitkomst.samenvatting,
                "meldingen": uitkomst.meldingen,
            }
            ss["gegevens_upload_ronde"] = ronde + 1  # empty the uploader: never import twice
            ss.pop("gegevens_peildatum", None)
            ss.pop("gegevens_bevestig", None)
            na_wijziging()
        ss["gegevens_weigering"] = (sleutel, uitkomst)
    weigering = ss.get("gegevens_weigering")
    # a refusal belongs to these files, kinds and peildatum; after a change it no longer applies
    if weigering and weigering[0] == sleutel:
        toon_weigering(weigering[1])


def huidige_gegevens(actief: pl.DataFrame) -> None:
    """What counts now, per organisation, and the data-quality findings."""
    st.subheader(t("Huidige gegevens", taal))
    if actief.height == 0:
        st.info(t("Er zijn nog geen gegevens ingelezen.", taal))
        return
    st.dataframe(csv_frame(view.actieve_tabel(actief, taal)), hide_index=True, width="stretch")
    st.markdown("**" + t("Datakwaliteit", taal) + "**")
    gevonden = view.bevindingen(store, toegang)
    if gevonden.height == 0:
        st.success(
            t(
                "Geen bevindingen: alle verzuimdagen vallen binnen een dienstverband en alle "
                "dienstverbanden horen bij een bekende eenheid.",
                taal,
            ),
            icon=":material/check_circle:",
        )
    for r in gevonden.iter_rows(named=True):
        naam = view.organisatie_naam(r["organisatie"], r["naam"], taal) if r["organisatie"] else ""
        tekst = view.bevinding_tekst(
            r["soort"], r["omschrijving"], r["meldingen"], r["dagen"], taal
        )
        tekst = markdown_tekst(tekst)
        st.warning(
            f"**{markdown_tekst(naam)}** · {tekst}" if naam else tekst, icon=":material/rule:"
        )


def vraag_herstel(import_id: int) -> None:
    ss["gegevens_herstel_vraag"] = import_id


def annuleer_herstel() -> None:
    ss.pop("gegevens_herstel_vraag", None)


def bevestig_herstel(import_id: int) -> None:
    ss.pop("gegevens_herstel_vraag", None)
    ss["gegevens_herstel_bevestigd"] = import_id


def terugzetten() -> None:
    """Restore the previous data, after the user saw what will be undone and confirmed."""
    bevestigd = ss.pop("gegevens_herstel_bevestigd", None)
    if bevestigd is not None:
        with st.spinner(t("De vorige gegevens worden teruggezet…", taal)):
            gelukt, tekst = view.herstel(store, int(bevestigd), gebruiker(), taal, wie=WIE)
        ss["gegevens_melding"] = {"geslaagd": gelukt, "kop": tekst}
        na_wijziging()
    voorstel = view.herstel_voorstel(store, taal)
    if voorstel is None:
        st.caption(t("Er is geen import die teruggedraaid kan worden.", taal))
        return
    vraag = ss.get("gegevens_herstel_vraag")
    if vraag is None:
        st.button(
            t("Vorige gegevens terugzetten…", taal),
            key="gegevens_herstel",
            on_click=vraag_herstel,
            args=(voorstel.import_id,),
            icon=":material/undo:",
        )
        return
    with st.container(border=True):
        st.warning(markdown_tekst(voorstel.kop), icon=":material/undo:")
        st.markdown("\n".join(f"- {markdown_tekst(r)}" for r in voorstel.regels))
        if voorstel.leeg:
            st.error(
                t(
                    "Daarna zijn er geen verzuim- of personeelsgegevens meer voor: {namen}.",
                    taal,
                    namen=markdown_tekst(", ".join(voorstel.leeg)),
                )
            )
        ja, nee, _ = st.columns([1, 1, 3])
        with ja:
            # the id the user saw: view.herstel refuses when another import came in between
            st.button(
                t("Ja, terugzetten", taal),
                type="primary",
                key="gegevens_herstel_ja",
                on_click=bevestig_herstel,
                args=(voorstel.import_id,),
            )
        with nee:
            st.button(t("Annuleren", taal), key="gegevens_herstel_nee", on_click=annuleer_herstel)


def geschiedenis() -> None:
    """Every import and restore, newest first."""
    st.subheader(t("Importgeschiedenis", taal))
    frame = view.geschiedenis(store, toegang)
    if frame.height == 0:
        st.caption(t("Nog geen imports.", taal))
    else:
        st.dataframe(
            csv_frame(view.geschiedenis_tabel(frame, taal)),
            hide_index=True,
            width="stretch",
        )
        if toegang is not None:
            st.caption(
                t(
                    "Aantallen rijen van bestanden die ook andere organisaties bevatten, worden "
                    "niet getoond.",
                    taal,
                )
            )
    if MAG_WIJZIGEN:
        terugzetten()


def vraag_versie(nummer: int) -> None:
    ss["gegevens_versie_vraag"] = nummer


def annuleer_versie() -> None:
    ss.pop("gegevens_versie_vraag", None)


def bevestig_versie(nummer: int) -> None:
    ss.pop("gegevens_versie_vraag", None)
    ss["gegevens_versie_bevestigd"] = nummer


def versies_terugzetten() -> None:
    """Every version of the store; a kept one can be made current again (after a confirmation),
    recorded as a new version: going back twice returns to where one started, never to nothing."""
    from dashboard import versies
    from dashboard.rollen import Geweigerd
    from dashboard.store import StoreFout

    bevestigd = ss.pop("gegevens_versie_bevestigd", None)
    if bevestigd is not None:
        try:
            with st.spinner(t("De vorige gegevens worden teruggezet…", taal)):
                terug, nieuw = versies.herstel_naar(
                    store.opslag, int(bevestigd), gebruiker(), wie=WIE
                )
            ss["gegevens_melding"] = {
                "geslaagd": True,
                "kop": t(
                    "Versie {n} is teruggezet (vastgelegd als versie {m}).", taal, n=terug, m=nieuw
                ),
            }
        except (StoreFout, Geweigerd) as fout:
            ss["gegevens_melding"] = {
                "geslaagd": False,
                "kop": t(
                    "Terugzetten is niet gelukt: {fout}. Er is niets veranderd.",
                    taal,
                    fout=str(fout),
                ),
            }
        na_wijziging()
    lijst = versies.lijst(store.opslag)
    with st.expander(t("Versies van de gegevens", taal), icon=":material/layers:"):
        if not lijst:
            st.caption(t("Nog geen versies.", taal))
            return
        st.dataframe(
            csv_frame(
                pl.DataFrame(
                    [
                        {
                            t("Versie", taal): v.nummer,
                            t("Tijdstip", taal): v.tijdstip,
                            t("Door", taal): v.gebruiker,
                            t("Actie", taal): v.actie,
                            t("Bestanden", taal): v.omschrijving,
                            t("Peildatum", taal): " · ".join(f"{o} {d}" for o, d in v.peildatum.items()),
                            t("Rijen", taal): " · ".join(f"{k} {n}" for k, n in v.rijen.items()),
                            t("Status", taal): t("huidig", taal) if v.huidig
                            else t("bewaard", taal) if v.beschikbaar else t("verwijderd", taal),
                        }
                        for v in lijst
                    ]
                )
            ),
            hide_index=True,
            width="stretch",
        )  # fmt: skip
        keuzes = [v.nummer for v in lijst if v.beschikbaar and not v.huidig and v.rijen]
        if not keuzes:
            return
        vraag = ss.get("gegevens_versie_vraag")
        if vraag is None:
            links, rechts = st.columns([2, 3], vertical_alignment="bottom")
            keuze = links.selectbox(t("Versie", taal), keuzes, key="gegevens_versie_keuze")
            rechts.button(
                t("Deze versie terugzetten…", taal), key="gegevens_versie_terug",
                on_click=vraag_versie, args=(keuze,), icon=":material/restore:",
            )  # fmt: skip
            return
        st.warning(
            t(
                "Versie {n} weer de huidige maken? Dat wordt een nieuwe versie; de huidige blijft "
                "bewaard en kan ook weer worden teruggezet. Pilots en afspraken blijven zoals ze nu zijn.",
                taal,
                n=vraag,
            ),
            icon=":material/restore:",
        )
        ja, nee, _ = st.columns([1, 1, 3])
        ja.button(
            t("Ja, terugzetten", taal), type="primary", key="gegevens_versie_ja",
            on_click=bevestig_versie, args=(vraag,),
        )  # fmt: skip
        nee.button(t("Annuleren", taal), key="gegevens_versie_nee", on_click=annuleer_versie)


def logboek() -> None:
    """The audit log for a beheerder: imports, restores, exports, changes to pilots and
    agreements, with who and when (the organisations this user may see)."""
    from dashboard import appdb

    with st.expander(t("Logboek: wie wat deed en wanneer", taal), icon=":material/history_edu:"):
        rijen = appdb.lees_log(store, toegang, limiet=500)
        if not rijen:
            st.caption(t("Nog niets vastgelegd.", taal))
            return
        st.dataframe(csv_frame(pl.DataFrame(rijen)), hide_index=True, width="stretch")


def uitleg() -> None:
    """Which files and columns are expected (generated from the ingest's column definitions)."""
    with st.expander(t("Welke bestanden en kolommen verwacht Verzuimzicht?", taal)):
        st.markdown(
            t(
                "Vier soorten extracten, als CSV of Excel. Kolomnamen mogen in hoofd- of kleine "
                "letters, met spaties of liggende streepjes; ook de andere namen hieronder worden "
                "herkend. Extra kolommen worden genegeerd (met een melding). Kolommen met namen, "
                "BSN, contactgegevens, geboortedata of medische informatie worden geweigerd.",
                taal,
            )
        )
        st.dataframe(view.kolommen_tabel(taal), hide_index=True, width="stretch")
        st.page_link(
            "pages/toelichting.py",
            label=t("Toelichting: definities, bronnen en privacyregels", taal),
            icon=":material/menu_book:",
        )


st.title(t("Gegevens", taal))
actief = view.actieve_gegevens(store, toegang)
peilen = view.peildata(actief, taal)
if peilen:
    st.caption(
        t("Peildatum", taal)
        + ": "
        + " · ".join(f"{markdown_tekst(p.naam)} {fmt.datum(p.peildatum, taal)}" for p in peilen)
    )
toon_melding()
if MAG_WIJZIGEN:
    inlezen(view.huidige_peildatum(actief))
else:
    st.info(
        t(
            "Extracten worden ingelezen door de gegevensbeheerder van de arbodienst. Hier ziet u "
            "welke gegevens van uw organisatie actief zijn en wanneer ze zijn ingelezen.",
            taal,
        ),
        icon=":material/lock:",
    )
huidige_gegevens(actief)
geschiedenis()
if MAG_WIJZIGEN:
    versies_terugzetten()
    logboek()
uitleg()
