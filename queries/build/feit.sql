-- grain: one row per unit (en), month and attribute combination (attr)
-- answers: every monthly count the metrics of DESIGN section 3 are made of (all integers, day
-- weights scaled: beschikbaar_e4 in 1/10000 day, verzuim_*_e8 in 10^-8 day, so that sums are exact), from the parts built
-- before (feit_*); each adds up over units and attribute combinations within one month. Every
-- key of the other parts is a key of feit_bezetting (their days and employees are in service),
-- except ended spells, whose unit is that of the spell's first day.
-- Filled block by block of months (feit_blok).
create or replace table feit (
    en integer,
    maand date,
    attr smallint,
    bezettingsdagen bigint,
    beschikbaar_e4 bigint,
    verzuim_kort_e8 bigint,
    verzuim_middellang_e8 bigint,
    verzuim_lang_e8 bigint,
    verzuim_extra_lang_e8 bigint,
    verzuim_ongeval_e8 bigint,
    meldingen bigint,
    meldingen_ongeval bigint,
    meldingen_recidive bigint,
    beeindigd bigint,
    beeindigd_duur bigint,
    beeindigd_kort bigint,
    beeindigd_middellang bigint,
    beeindigd_lang bigint,
    beeindigd_extra_lang bigint,
    nul_medewerkers bigint,
    nul_zonder_verzuim bigint,
    eind_in_dienst bigint,
    frequent bigint,
    frequent_middellang bigint,
    open_einde bigint,
    langdurig bigint,
    voorbij_week42 bigint,
    voorbij_week52 bigint,
    voorbij_week91 bigint
)
