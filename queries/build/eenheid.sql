-- grain: one row per organisation unit in the active snapshots, with its root and depth
-- answers: which units exist, under which client organisation, at which hierarchy level; `nr` is
-- a compact key for the facts
create or replace table eenheid as
with recursive org as (
    select o.eenheid, o.naam, o.bovenliggende_eenheid as ouder
    from organisatie_rij as o
    inner join actief as a on a.snapshot_id = o.snapshot_id and a.soort = 'organisatie'
),

boom (eenheid, naam, ouder, organisatie, niveau, pad) as (
    select eenheid, naam, ouder, eenheid, 0, [eenheid]
    from org
    where ouder is null
    union all
    select o.eenheid, o.naam, o.ouder, b.organisatie, b.niveau + 1, list_append(b.pad, o.eenheid)
    from org as o
    inner join boom as b on o.ouder = b.eenheid
)

select
    cast(row_number() over (order by eenheid) as integer) as nr,
    eenheid, naam, ouder, organisatie, niveau, pad
from boom
