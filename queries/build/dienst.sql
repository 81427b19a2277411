-- grain: one row per employment period in the active staff snapshots
-- answers: who is in service when, in which unit, with which part-time factor and attributes
create or replace table dienst as
select
    m.mw,
    p.eenheid,
    e.organisatie,
    p.begindatum as begin,
    coalesce(p.einddatum, date '9999-12-31') as eind,
    p.deeltijdfactor as f,
    p.leeftijdsklasse as lk,
    p.geslacht as gs,
    p.schaalgroep as sg
from personeel_rij as p
inner join actief as a on a.snapshot_id = p.snapshot_id and a.soort = 'personeel'
inner join medewerker as m on m.medewerker_id = p.medewerker_id
left join eenheid as e on e.eenheid = p.eenheid
