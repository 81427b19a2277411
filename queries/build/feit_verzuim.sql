-- grain: one row per unit, month and attribute combination with absence
-- answers: absence days (w) per duration class, and those from work accidents
create or replace temp table feit_verzuim as
select
    en, maand, attr,
    sum(w) filter (where klasse = 1) as verzuimdagen_kort,
    sum(w) filter (where klasse = 2) as verzuimdagen_middellang,
    sum(w) filter (where klasse = 3) as verzuimdagen_lang,
    sum(w) filter (where klasse = 4) as verzuimdagen_extra_lang,
    sum(w) filter (where ongeval) as verzuimdagen_ongeval
from verzuim_dag
group by en, maand, attr
