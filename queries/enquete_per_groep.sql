-- grain: one row per group, survey wave and scale
-- answers: the respondent-weighted mean score of each group of units (a unit with everything
-- below it, or one unit on its own) per wave and scale, over the units with at least
-- $min_respondenten respondents only. A smaller unit counts in no average at all, so that no
-- average next to the units shown beside it (on this or any other view) can reveal its scores
-- (DESIGN 4). Also: respondents of the units counted, and how many units were counted or left out.
-- Inputs: groepen(groep, eenheid); parameters $organisatie, $metingen (list), $min_respondenten.
with rijen as (
    select e.meting, e.eenheid, e.respondenten, e.schaal, e.score
    from enquete_rij as e
    inner join actief as a on a.snapshot_id = e.snapshot_id and a.soort = 'enquete'
    where a.organisatie = $organisatie and list_contains($metingen, e.meting)
),

in_groep as (
    select g.groep, r.*, r.respondenten >= $min_respondenten as geteld
    from rijen as r
    inner join groepen as g on g.eenheid = r.eenheid
),

eenheden as (
    select distinct groep, meting, eenheid, respondenten, geteld
    from in_groep
),

per_groep as (
    select
        groep,
        meting,
        sum(respondenten) filter (where geteld) as respondenten,
        count(*) filter (where geteld) as eenheden_geteld,
        count(*) filter (where not geteld) as eenheden_onderdrukt
    from eenheden
    group by groep, meting
),

per_schaal as (
    select
        groep,
        meting,
        schaal,
        sum(respondenten * score) filter (where geteld and score is not null)
        / nullif(sum(respondenten) filter (where geteld and score is not null), 0) as score,
        sum(respondenten) filter (where geteld and score is not null) as respondenten_schaal
    from in_groep
    group by groep, meting, schaal
),

final as (
    select
        s.groep,
        s.meting,
        s.schaal,
        s.score,
        cast(coalesce(s.respondenten_schaal, 0) as bigint) as respondenten_schaal,
        cast(coalesce(g.respondenten, 0) as bigint) as respondenten,
        cast(g.eenheden_geteld as bigint) as eenheden_geteld,
        cast(g.eenheden_onderdrukt as bigint) as eenheden_onderdrukt
    from per_schaal as s
    inner join per_groep as g using (groep, meting)
)

select *
from final
order by groep, meting, schaal
