-- grain: one row per employment period and calendar month of the block (kalender_blok) it covers
-- answers: the in-service days of each month (first and last), clipped to the calendar and to
-- the organisation's last showable day; whether this period holds the employee's last
-- in-service day of the month (`laatst`) and whether that is the month's last day (`einde`)
create or replace temp table dienst_maand as
with geknipt as (
    select
        d.mw, d.en, d.attr, d.f4, d.volgende_begin,
        greatest(d.begin, (select min(maand) from kalender)) as b,
        least(d.eind, p.laatste_dag) as e,
        p.laatste_dag
    from dienst as d
    inner join peil as p on p.organisatie = d.organisatie
)

select
    g.mw, g.en, g.attr, g.f4, k.maand,
    greatest(g.b, k.maand) as b,
    least(g.e, k.maand_eind) as e,
    coalesce(g.volgende_begin > least(k.maand_eind, g.laatste_dag), true) as laatst,
    least(g.e, k.maand_eind) = k.maand_eind as einde
from geknipt as g
inner join kalender_blok as k on k.maand <= g.e and k.maand_eind >= g.b
where g.b <= g.e
