-- grain: one row per unit (en), month of the block and attribute combination (attr)
-- answers: adds the block's rows to feit: the parts (feit_*) of the block joined, every count
-- present (0 where a part has no row)
insert into feit by name
with samen as (
    select *
    from feit_bezetting
    left join feit_medewerkers using (en, maand, attr)
    left join feit_verzuim using (en, maand, attr)
    left join feit_meldingen using (en, maand, attr)
    full join feit_beeindigd using (en, maand, attr)
)

select
    en, maand, attr,
    cast(coalesce(bezettingsdagen, 0) as bigint) as bezettingsdagen,
    cast(coalesce(beschikbaar_e4, 0) as bigint) as beschikbaar_e4,
    cast(coalesce(verzuim_kort_e8, 0) as bigint) as verzuim_kort_e8,
    cast(coalesce(verzuim_middellang_e8, 0) as bigint) as verzuim_middellang_e8,
    cast(coalesce(verzuim_lang_e8, 0) as bigint) as verzuim_lang_e8,
    cast(coalesce(verzuim_extra_lang_e8, 0) as bigint) as verzuim_extra_lang_e8,
    cast(coalesce(verzuim_ongeval_e8, 0) as bigint) as verzuim_ongeval_e8,
    cast(coalesce(meldingen, 0) as bigint) as meldingen,
    cast(coalesce(meldingen_ongeval, 0) as bigint) as meldingen_ongeval,
    cast(coalesce(beeindigd, 0) as bigint) as beeindigd,
    cast(coalesce(beeindigd_duur, 0) as bigint) as beeindigd_duur,
    cast(coalesce(beeindigd_kort, 0) as bigint) as beeindigd_kort,
    cast(coalesce(beeindigd_middellang, 0) as bigint) as beeindigd_middellang,
    cast(coalesce(beeindigd_lang, 0) as bigint) as beeindigd_lang,
    cast(coalesce(beeindigd_extra_lang, 0) as bigint) as beeindigd_extra_lang,
    cast(coalesce(nul_medewerkers, 0) as bigint) as nul_medewerkers,
    cast(coalesce(nul_zonder_verzuim, 0) as bigint) as nul_zonder_verzuim,
    cast(coalesce(eind_in_dienst, 0) as bigint) as eind_in_dienst,
    cast(coalesce(frequent, 0) as bigint) as frequent,
    cast(coalesce(open_einde, 0) as bigint) as open_einde,
    cast(coalesce(langdurig, 0) as bigint) as langdurig,
    cast(coalesce(voorbij_week42, 0) as bigint) as voorbij_week42,
    cast(coalesce(voorbij_week52, 0) as bigint) as voorbij_week52,
    cast(coalesce(voorbij_week91, 0) as bigint) as voorbij_week91
from samen
