"""English texts of the Gegevens page (dashboard/views/gegevens.py and pages/gegevens.py)."""

EN = {
    # upload
    "Extracten inlezen": "Import extracts",
    "Alle bestanden van één upload worden samen gecontroleerd en in één keer ingelezen: alles of niets. Bij een fout verandert er niets.": (
        "All files of one upload are checked together and imported at once: all or nothing. "
        "When anything is wrong, nothing changes."
    ),
    "Extracten (CSV of Excel)": "Extracts (CSV or Excel)",
    "Organisatie, personeel, verzuim en/of enquête. CSV met ; of , als scheidingsteken (UTF-8 of Windows-1252) of Excel (.xlsx).": (
        "Organisation, staff, absence and/or survey. CSV separated by ; or , (UTF-8 or "
        "Windows-1252) or Excel (.xlsx)."
    ),
    "Kan niet worden gelezen: {fout}.": "Cannot be read: {fout}.",
    "De soort is niet herkend aan de kolomnamen; kies de soort.": (
        "The kind was not recognised from the column names; choose the kind."
    ),
    "Lijkt een {soort}-extract, maar niet alle verplichte kolommen zijn gevonden; de import zal zeggen welke ontbreken.": (
        "Looks like a {soort} extract, but not every required column was found; the import will "
        "say which are missing."
    ),
    "Herkend aan de kolomnamen: {soort}.": "Recognised from the column names: {soort}.",
    "Dit bestand is al eerder ingelezen (import {n} van {moment}{actief}).": (
        "This file was imported before (import {n} of {moment}{actief})."
    ),
    ", nog actief": ", still active",
    "Soort": "Kind",
    "Kies de soort…": "Choose the kind…",
    "organisatie (eenheden)": "organisation (units)",
    "personeel (dienstverbanden)": "staff (employment periods)",
    "verzuim (ziekmeldingen)": "absence (spells)",
    "enquête (medewerkersonderzoek)": "survey (employee survey)",
    "Peildatum (optioneel)": "Extract date (optional)",
    "De laatste dag die de extracten dekken.": "The last day the extracts cover.",
    "Leeg gelaten: de peildatum wordt de laatste datum in het verzuimextract ({datum}).": (
        "Left empty: the extract date becomes the latest date in the absence extract ({datum})."
    ),
    "Leeg gelaten: de peildatum wordt de laatste datum in het verzuimextract.": (
        "Left empty: the extract date becomes the latest date in the absence extract."
    ),
    "Leeg gelaten: zonder verzuimextract blijft de peildatum van de huidige gegevens gelden ({datum}).": (
        "Left empty: without an absence extract the extract date of the current data stays "
        "({datum})."
    ),
    "Kies eerst de soort van: {namen}.": "First choose the kind of: {namen}.",
    "Een bestand dat niet gelezen kan worden, kunt u ook verwijderen.": (
        "A file that cannot be read can also be removed."
    ),
    "Importeren": "Import",
    "De bestanden worden gecontroleerd en ingelezen…": "Checking and importing the files…",
    # outcome
    "Import geslaagd (import {n}).": "Import succeeded (import {n}).",
    "Import geweigerd: {delen}. Er is niets veranderd.": "Import refused: {delen}. Nothing was changed.",
    "1 probleem in {plaats}": "1 problem in {plaats}",
    "{n} problemen in {plaats}": "{n} problems in {plaats}",
    "de import als geheel": "the import as a whole",
    "en": "and",
    "onbekende reden": "unknown reason",
    "De gegevensopslag kon niet worden bijgewerkt: {fout}. Er is niets veranderd.": (
        "The data store could not be updated: {fout}. Nothing was changed."
    ),
    "Het inlezen is mislukt door een onverwachte fout ({soort}). Er is niets veranderd. De fout is vastgelegd in het logboek van de app; meld dit bij de beheerder.": (
        "The import failed because of an unexpected error ({soort}). Nothing was changed. The "
        "error was written to the app's log; please report it to the administrator."
    ),
    "Identificerende of medische gegevens geweigerd": "Identifying or medical data refused",
    "Kolom '{kolom}' in {bestand}: {reden}.": "Column '{kolom}' in {bestand}: {reden}.",
    "Verzuimzicht neemt alleen geanonimiseerde gegevens op: geen namen, BSN, contactgegevens, geboortedata of medische informatie. Verwijder deze kolommen uit het extract en lees het opnieuw in. Een bestand met zulke kolommen is niet verder gecontroleerd; andere fouten erin ziet u pas daarna.": (
        "Verzuimzicht only takes anonymised data: no names, citizen service numbers, contact "
        "details, birth dates or medical information. Remove these columns from the extract and "
        "import it again. A file with such columns was not checked further; other problems in it "
        "show only after that."
    ),
    "Bestand": "File",
    "Rij": "Row",
    "Kolom": "Column",
    "Waarde": "Value",
    "Reden": "Reason",
    "Er zijn {totaal} problemen; hier staan de eerste {n}. Het volledige rapport staat in de Excel-download.": (
        "There are {totaal} problems; the first {n} are shown here. The full report is in the "
        "Excel download."
    ),
    "Download probleemrapport (Excel)": "Download problem report (Excel)",
    "Download alle problemen (CSV)": "Download all problems (CSV)",
    "Het Excel-rapport bevat de eerste {n} problemen; het CSV-bestand bevat ze alle {totaal}.": (
        "The Excel report holds the first {n} problems; the CSV file holds all {totaal}."
    ),
    "Sluiten": "Close",
    # current data and quality
    "Huidige gegevens": "Current data",
    "Er zijn nog geen gegevens ingelezen.": "No data has been imported yet.",
    "Rijen": "Rows",
    "Metingen": "Waves",
    "Peildatum van de import": "Extract date of the import",
    "Ingelezen op": "Imported on",
    "Import": "Import",
    "Bestanden": "Files",
    "(organisatie onbekend)": "(organisation unknown)",
    "Datakwaliteit": "Data quality",
    "Geen bevindingen: alle verzuimdagen vallen binnen een dienstverband en alle dienstverbanden horen bij een bekende eenheid.": (
        "No findings: every absence day falls within an employment period and every employment "
        "period belongs to a known unit."
    ),
    "1 ziekmelding heeft": "1 absence spell has",
    "{n} ziekmeldingen hebben": "{n} absence spells have",
    "{wat} samen {dagen} verzuimdagen buiten een dienstverband in het personeelsextract. Die dagen tellen nergens mee. Controleer of het personeelsextract alle dienstverbanden bevat, ook van medewerkers die uit dienst zijn.": (
        "{wat} {dagen} absence days in total outside an employment period in the staff extract. "
        "Those days count nowhere. Check that the staff extract holds every employment period, "
        "also of employees who have left."
    ),
    "1 dienstverband staat": "1 employment period belongs",
    "{n} dienstverbanden staan": "{n} employment periods belong",
    "{wat} bij een eenheid die niet in het organisatie-extract voorkomt. Die medewerkers tellen bij geen enkele eenheid mee. Lees een organisatie-extract in dat alle eenheden bevat.": (
        "{wat} to a unit that is not in the organisation extract. Those employees count in no "
        "unit. Import an organisation extract with every unit."
    ),
    "Extracten worden ingelezen door de gegevensbeheerder van de arbodienst. Hier ziet u welke gegevens van uw organisatie actief zijn en wanneer ze zijn ingelezen.": (
        "Extracts are imported by the health service's data steward. Here you see which data of "
        "your organisation is active and when it was imported."
    ),
    # history
    "Importgeschiedenis": "Import history",
    "Nog geen imports.": "No imports yet.",
    "Nr.": "No.",
    "Tijdstip": "Time",
    "Door": "By",
    "Actie": "Action",
    "import": "import",
    "terugzetten": "restore",
    "SHA-256": "SHA-256",
    "Rijen gelezen": "Rows read",
    "Rijen geaccepteerd": "Rows accepted",
    "Organisaties": "Organisations",
    "Status": "Status",
    "actief": "active",
    "deels vervangen": "partly replaced",
    "vervangen door een latere import": "replaced by a later import",
    "teruggedraaid": "undone",
    "niet getoond": "not shown",
    "import {n} teruggedraaid": "import {n} undone",
    "Aantallen rijen van bestanden die ook andere organisaties bevatten, worden niet getoond.": (
        "Row counts of files that also hold other organisations are not shown."
    ),
    # restore
    "Vorige gegevens terugzetten…": "Restore the previous data…",
    "Er is geen import die teruggedraaid kan worden.": "There is no import that can be undone.",
    "Hiermee draait u import {n} van {moment} (door {wie}, peildatum {peildatum}) terug: {omschrijving}.": (
        "This undoes import {n} of {moment} (by {wie}, extract date {peildatum}): {omschrijving}."
    ),
    "{wat}: verdwijnt (er zijn geen eerdere gegevens)": "{wat}: disappears (there is no earlier data)",
    "{wat}: terug naar import {n} van {moment} (peildatum {peildatum}, {rijen} rijen)": (
        "{wat}: back to import {n} of {moment} (extract date {peildatum}, {rijen} rows)"
    ),
    "Daarna zijn er geen verzuim- of personeelsgegevens meer voor: {namen}.": (
        "Afterwards there is no absence or staff data left for: {namen}."
    ),
    "Ja, terugzetten": "Yes, restore",
    "Annuleren": "Cancel",
    "De vorige gegevens worden teruggezet…": "Restoring the previous data…",
    "Import {n} is teruggedraaid; de vorige gegevens zijn weer actief.": (
        "Import {n} was undone; the previous data is active again."
    ),
    "Er is geen import om terug te draaien.": "There is no import to undo.",
    "Er is intussen iets veranderd: de laatste actieve import is nu import {n}. Er is niets teruggezet; bekijk de geschiedenis en kies opnieuw.": (
        "Something changed in the meantime: the latest active import is now import {n}. Nothing "
        "was restored; look at the history and choose again."
    ),
    "Terugzetten is niet gelukt: {fout}. Er is niets veranderd.": (
        "Restoring did not succeed: {fout}. Nothing was changed."
    ),
    "Terugzetten is mislukt door een onverwachte fout ({soort}). Er is niets veranderd. De fout is vastgelegd in het logboek van de app.": (
        "Restoring failed because of an unexpected error ({soort}). Nothing was changed. The "
        "error was written to the app's log."
    ),
    # help
    "Welke bestanden en kolommen verwacht Verzuimzicht?": "Which files and columns does Verzuimzicht expect?",
    "Vier soorten extracten, als CSV of Excel. Kolomnamen mogen in hoofd- of kleine letters, met spaties of liggende streepjes; ook de andere namen hieronder worden herkend. Extra kolommen worden genegeerd (met een melding). Kolommen met namen, BSN, contactgegevens, geboortedata of medische informatie worden geweigerd.": (
        "Four kinds of extract, as CSV or Excel. Column names may use any case, spaces or "
        "underscores; the other names below are recognised too. Extra columns are ignored (with "
        "a notice). Columns with names, citizen service numbers, contact details, birth dates or "
        "medical information are refused."
    ),
    "Verplicht": "Required",
    "ja": "yes",
    "nee": "no",
    "Inhoud": "Content",
    "Ook herkend als": "Also recognised as",
    "tekst": "text",
    "datum (dd-mm-jjjj, jjjj-mm-dd of Excel-datum)": "date (dd-mm-yyyy, yyyy-mm-dd or Excel date)",
    "getal (0,8 of 0.8)": "number (0,8 or 0.8)",
    "geheel getal": "whole number",
    "Toelichting: definities, bronnen en privacyregels": "Definitions, sources and privacy rules",
}
