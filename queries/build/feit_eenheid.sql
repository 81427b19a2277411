-- grain: one row per unit and month (the facts without the attribute dimensions)
-- answers: the same counts as `feit`, smaller, for views without an attribute filter
create or replace table feit_eenheid as
select
    en,
    maand,
    cast(sum(bezettingsdagen) as bigint) as bezettingsdagen,
    cast(sum(beschikbaar_e4) as bigint) as beschikbaar_e4,
    cast(sum(verzuim_kort_e8) as bigint) as verzuim_kort_e8,
    cast(sum(verzuim_middellang_e8) as bigint) as verzuim_middellang_e8,
    cast(sum(verzuim_lang_e8) as bigint) as verzuim_lang_e8,
    cast(sum(verzuim_extra_lang_e8) as bigint) as verzuim_extra_lang_e8,
    cast(sum(verzuim_ongeval_e8) as bigint) as verzuim_ongeval_e8,
    cast(sum(meldingen) as bigint) as meldingen,
    cast(sum(meldingen_ongeval) as bigint) as meldingen_ongeval,
    cast(sum(beeindigd) as bigint) as beeindigd,
    cast(sum(beeindigd_duur) as bigint) as beeindigd_duur,
    cast(sum(beeindigd_kort) as bigint) as beeindigd_kort,
    cast(sum(beeindigd_middellang) as bigint) as beeindigd_middellang,
    cast(sum(beeindigd_lang) as bigint) as beeindigd_lang,
    cast(sum(beeindigd_extra_lang) as bigint) as beeindigd_extra_lang,
    cast(sum(nul_medewerkers) as bigint) as nul_medewerkers,
    cast(sum(nul_zonder_verzuim) as bigint) as nul_zonder_verzuim,
    cast(sum(eind_in_dienst) as bigint) as eind_in_dienst,
    cast(sum(frequent) as bigint) as frequent,
    cast(sum(open_einde) as bigint) as open_einde,
    cast(sum(langdurig) as bigint) as langdurig,
    cast(sum(voorbij_week42) as bigint) as voorbij_week42,
    cast(sum(voorbij_week52) as bigint) as voorbij_week52,
    cast(sum(voorbij_week91) as bigint) as voorbij_week91
from feit
group by en, maand
order by en, maand
