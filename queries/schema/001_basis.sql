-- migration 1: base tables. Rows of every snapshot stay; `actief` says which snapshot counts.
create table import_log (
    import_id integer primary key,
    tijdstip timestamp not null,
    gebruiker varchar not null,
    actie varchar not null,            -- 'import' or 'herstel'
    peildatum date,
    omschrijving varchar not null
);

create table import_bestand (
    import_id integer not null,
    soort varchar not null,
    bestandsnaam varchar not null,
    sha256 varchar not null,
    rijen_gelezen integer not null,
    rijen_geaccepteerd integer not null
);

create table snapshot (
    snapshot_id integer primary key,
    import_id integer not null,
    soort varchar not null,
    organisatie varchar not null,      -- root unit code the snapshot covers
    sleutel varchar not null,          -- survey wave for enquete, '' otherwise
    peildatum date,
    rijen integer not null,
    vorige_snapshot_id integer         -- what was active before; restored by `herstel`
);

create table actief (
    soort varchar not null,
    organisatie varchar not null,
    sleutel varchar not null,
    snapshot_id integer not null,
    primary key (soort, organisatie, sleutel)
);

create table organisatie_rij (
    snapshot_id integer not null,
    eenheid varchar not null,
    naam varchar not null,
    bovenliggende_eenheid varchar
);

create table personeel_rij (
    snapshot_id integer not null,
    medewerker_id varchar not null,
    eenheid varchar not null,
    begindatum date not null,
    einddatum date,
    deeltijdfactor double not null,
    leeftijdsklasse varchar not null,
    geslacht varchar not null,
    schaalgroep varchar not null
);

create table verzuim_rij (
    snapshot_id integer not null,
    medewerker_id varchar not null,
    melding_id varchar not null,
    melding_nr integer not null,       -- spell number within the snapshot (rows sharing melding_id)
    eerste_verzuimdag date not null,
    laatste_verzuimdag date,
    ao_percentage double not null,
    verzuimsoort varchar not null
);

create table enquete_rij (
    snapshot_id integer not null,
    meting varchar not null,
    eenheid varchar not null,
    respondenten integer not null,
    schaal varchar not null,
    score double
);

create table pilot (
    pilot_id integer primary key,
    naam varchar not null,
    omschrijving varchar not null,
    begin date not null,
    eind date not null,
    pilot_eenheden varchar[] not null,
    vergelijk_eenheden varchar[] not null,
    selectie_reden varchar not null,
    gewijzigd timestamp not null
);

create table afspraak (
    afspraak_id integer primary key,
    organisatie varchar not null,
    overleg_maand date not null,
    tekst varchar not null,
    eigenaar varchar not null,
    status varchar not null,
    gewijzigd timestamp not null
);
