-- grain: one row per client organisation with absence or staff data
-- answers: the peildatum of each organisation and the last day that may be shown: that of its
-- absence extract, else of its staff extract, else of whatever was imported for it (an
-- organisation without staff still shows its empty rows)
create or replace table peil as
with snapshots as (
    select a.organisatie, s.soort, s.peildatum
    from actief as a
    inner join snapshot as s on s.snapshot_id = a.snapshot_id
    where s.peildatum is not null
),

per_organisatie as (
    select
        organisatie,
        coalesce(
            max(peildatum) filter (where soort = 'verzuim'),
            max(peildatum) filter (where soort = 'personeel'),
            max(peildatum)
        ) as peildatum
    from snapshots
    group by organisatie
)

select
    organisatie,
    peildatum,
    case
        when peildatum = last_day(peildatum) then peildatum
        else cast(date_trunc('month', peildatum) - interval 1 day as date)
    end as laatste_dag
from per_organisatie
