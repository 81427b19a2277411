-- grain: one row per pseudonymised employee in the active staff snapshots
-- answers: a compact integer key per employee for the joins that build the facts
create or replace table medewerker as
select medewerker_id, cast(row_number() over (order by medewerker_id) as integer) as mw
from (
    select distinct p.medewerker_id
    from personeel_rij as p
    inner join actief as a on a.snapshot_id = p.snapshot_id and a.soort = 'personeel'
)
