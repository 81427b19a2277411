-- grain: one row per absence spell (pregnancy excluded) whose employee is in service on its
-- first day
-- answers: the unit and attributes the spell belongs to (those of its first day), its length,
-- the organisation's last showable day, and whether it is a recidive: it follows the same
-- employee's previous spell (pregnancy leave is no spell) after at most 28 days back at work,
-- the four-week rule of art. 7:629 lid 10 BW (first day d, previous last day l: d − l ≤ 28)
create or replace table melding_start as
with vorige as (
    select
        melding,
        d0 - lag(dl) over (partition by mw order by d0, melding) as gat
    from melding
    where soort <> 'zwangerschap'
)

select
    m.melding, m.mw, m.d0, m.dl, m.open, m.soort,
    d.en, d.attr, p.laatste_dag,
    m.dl - m.d0 + 1 as duur,
    coalesce(v.gat <= 28, false) as recidive
from melding as m
inner join vorige as v on v.melding = m.melding
inner join dienst as d on d.mw = m.mw and m.d0 between d.begin and d.eind
inner join peil as p on p.organisatie = d.organisatie
where m.soort <> 'zwangerschap'
