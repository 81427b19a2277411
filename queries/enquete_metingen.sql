-- grain: one row per survey wave of one client organisation
-- answers: which waves the active survey snapshots of the organisation hold, and how many units
-- took part in each (a count of units, never of respondents: that could reveal a small unit)
with rijen as (
    select e.meting, e.eenheid
    from enquete_rij as e
    inner join actief as a on a.snapshot_id = e.snapshot_id and a.soort = 'enquete'
    where a.organisatie = $organisatie
),

final as (
    select meting, count(distinct eenheid) as eenheden
    from rijen
    group by meting
)

select meting, eenheden
from final
order by meting
