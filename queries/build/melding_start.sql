-- grain: one row per absence spell (pregnancy excluded) whose employee is in service on its
-- first day
-- answers: the unit and attributes the spell belongs to (those of its first day), its length,
-- and the organisation's last showable day
create or replace table melding_start as
select
    m.melding, m.mw, m.d0, m.dl, m.open, m.soort,
    d.en, d.attr, p.laatste_dag,
    m.dl - m.d0 + 1 as duur
from melding as m
inner join dienst as d on d.mw = m.mw and m.d0 between d.begin and d.eind
inner join peil as p on p.organisatie = d.organisatie
where m.soort <> 'zwangerschap'
