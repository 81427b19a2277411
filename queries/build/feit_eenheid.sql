-- grain: one row per unit and month (the facts without the attribute dimensions)
-- answers: the same counts as `feit`, smaller, for views without an attribute filter
create or replace table feit_eenheid as
select
    en,
    maand,
    cast(sum(bezettingsdagen) as bigint) as bezettingsdagen,
    cast(sum(beschikbare_dagen) as double) as beschikbare_dagen,
    cast(sum(verzuimdagen_kort) as double) as verzuimdagen_kort,
    cast(sum(verzuimdagen_middellang) as double) as verzuimdagen_middellang,
    cast(sum(verzuimdagen_lang) as double) as verzuimdagen_lang,
    cast(sum(verzuimdagen_extra_lang) as double) as verzuimdagen_extra_lang,
    cast(sum(verzuimdagen_ongeval) as double) as verzuimdagen_ongeval,
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
