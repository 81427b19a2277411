-- grain: one row per unit, month (of the block) and attribute combination with absence
-- answers: absence days (w, as integers of 10^-8 day) per duration class, and those from work
-- accidents
create or replace temp table feit_verzuim as
select
    en, maand, attr,
    sum(w8) filter (where klasse = 1) as verzuim_kort_e8,
    sum(w8) filter (where klasse = 2) as verzuim_middellang_e8,
    sum(w8) filter (where klasse = 3) as verzuim_lang_e8,
    sum(w8) filter (where klasse = 4) as verzuim_extra_lang_e8,
    sum(w8) filter (where ongeval) as verzuim_ongeval_e8
from verzuim_dag
group by en, maand, attr
