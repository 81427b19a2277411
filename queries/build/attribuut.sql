-- grain: one row per combination of leeftijdsklasse, geslacht and schaalgroep in the staff data
-- answers: a compact key for the attribute combinations the facts are split by
create or replace table attribuut as
select
    cast(row_number() over (order by leeftijdsklasse, geslacht, schaalgroep) as smallint) as attr,
    leeftijdsklasse as lk,
    geslacht as gs,
    schaalgroep as sg
from (
    select distinct p.leeftijdsklasse, p.geslacht, p.schaalgroep
    from personeel_rij as p
    inner join actief as a on a.snapshot_id = p.snapshot_id and a.soort = 'personeel'
)
