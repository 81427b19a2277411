-- grain: one row per employment period in the active staff snapshots
-- answers: who is in service when, in which unit, with which part-time factor and attributes;
-- `volgende_begin` (the employee's next period) tells which period holds a month's last day
create or replace table dienst as
select
    m.mw,
    p.eenheid,
    e.nr as en,
    e.organisatie,
    ab.attr,
    p.begindatum as begin,
    coalesce(p.einddatum, date '9999-12-31') as eind,
    -- factors as exact integers (1/10000): sums never depend on the order of addition
    cast(round(p.deeltijdfactor * 10000) as bigint) as f4,
    lead(p.begindatum) over (partition by m.mw order by p.begindatum) as volgende_begin
from personeel_rij as p
inner join actief as a on a.snapshot_id = p.snapshot_id and a.soort = 'personeel'
inner join medewerker as m on m.medewerker_id = p.medewerker_id
inner join attribuut as ab
    on ab.lk = p.leeftijdsklasse and ab.gs = p.geslacht and ab.sg = p.schaalgroep
left join eenheid as e on e.eenheid = p.eenheid
