-- grain: one row per block of consecutive calendar months of the monthly facts
-- answers: how the build takes the months in blocks: each block holds about $rijen
-- employment-period months (periods spread evenly over the months they cover), at least one
-- month. Bounded blocks keep every join and sort of the block steps in memory whatever the
-- number of employees; the inputs that reach into only a few months (phases, spells) are stored
-- by block, so that a block reads only its own rows
create or replace temp table maandblok as
with geknipt as (
    select
        greatest(d.begin, (select min(maand) from kalender)) as b,
        least(d.eind, p.laatste_dag) as e
    from dienst as d
    inner join peil as p on p.organisatie = d.organisatie
),

per_maand as (
    select coalesce(sum(datediff('month', b, e) + 1), 0) / (select count(*) from kalender) as rijen
    from geknipt
    where b <= e
),

genummerd as (
    select
        maand,
        maand_eind,
        row_number() over (order by maand) - 1 as i,
        greatest(1, floor($rijen / greatest((select rijen from per_maand), 1))) as per_blok
    from kalender
)

select
    cast(floor(i / per_blok) as integer) as blok,
    min(maand) as van,
    max(maand) as tot,
    max(maand_eind) as eind
from genummerd
group by all
