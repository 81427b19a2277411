-- grain: one row
-- answers: the first month the absence extract really covers: the first month with at least a
-- quarter of the median monthly number of new reports (long spells from before the extract's
-- start would otherwise make the trend begin years too early, at almost no absence)
with per_maand as (
    select maand, sum(meldingen) as meldingen
    from feit_eenheid
    group by maand
),

drempel as (
    select median(meldingen) / 4 as minimum
    from per_maand
    where meldingen > 0
)

select min(maand) as eerste_maand
from per_maand, drempel
where meldingen > 0 and meldingen >= minimum
