-- grain: one row per absence row (phase) in the active absence snapshots
-- answers: each phase's days up to the peildatum, its percentage and its spell
create or replace table fase as
select
    m.mw,
    cast(v.snapshot_id as bigint) * 4294967296 + v.melding_nr as melding,
    v.eerste_verzuimdag as begin,
    least(coalesce(v.laatste_verzuimdag, s.peildatum), s.peildatum) as eind,
    v.laatste_verzuimdag is null or v.laatste_verzuimdag > s.peildatum as open,
    -- percentages as exact integers (1/100 percent)
    cast(round(v.ao_percentage * 100) as bigint) as p2,
    v.verzuimsoort as soort
from verzuim_rij as v
inner join actief as a on a.snapshot_id = v.snapshot_id and a.soort = 'verzuim'
inner join snapshot as s on s.snapshot_id = v.snapshot_id
inner join medewerker as m on m.medewerker_id = v.medewerker_id
where v.eerste_verzuimdag <= s.peildatum
