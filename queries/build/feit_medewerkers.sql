-- grain: one row per unit, month (of the block) and attribute combination of the employees' last
-- in-service day
-- answers: employee counts: in service (for nulverzuim) and without absence; in service on the
-- month's last day, of whom frequent absentees (3+ spells with a first day in the 12 months up to
-- the month), frequent medium-long absentees (2+ spells of 8-42 days in those 12 months) and open
-- spells on that day by day number (Poortwachter milestones)
create or replace temp table feit_medewerkers as
with frequent_maand as (
    select distinct r.mw, k.maand
    from reeks as r
    inner join kalender_blok as k
        on k.blok = r.blok
        and k.maand >= r.vanaf
        and k.maand <= r.tot_en_met
        and (r.volgende is null or k.maand < r.volgende)
),

frequent_middellang_maand as (
    select distinct r.mw, k.maand
    from reeks_middellang as r
    inner join kalender_blok as k
        on k.blok = r.blok
        and k.maand >= r.vanaf
        and k.maand <= r.tot_en_met
        and (r.volgende is null or k.maand < r.volgende)
),

open_op_maandeinde as (
    select m.mw, k.maand, k.maand_eind - m.d0 + 1 as dagnummer
    from melding_blok as m
    inner join kalender_blok as k on k.blok = m.blok and k.maand_eind between m.d0 and m.dl
)

select
    mm.en, mm.maand, mm.attr,
    count(*) as nul_medewerkers,
    count(*) filter (where not mm.afwezig) as nul_zonder_verzuim,
    count(*) filter (where mm.einde) as eind_in_dienst,
    count(fm.mw) filter (where mm.einde) as frequent,
    count(fml.mw) filter (where mm.einde) as frequent_middellang,
    count(o.mw) filter (where mm.einde) as open_einde,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 43) as langdurig,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 42 * 7 + 1) as voorbij_week42,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 52 * 7 + 1) as voorbij_week52,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 91 * 7 + 1) as voorbij_week91
from medewerker_maand_los as mm
left join frequent_maand as fm on fm.mw = mm.mw and fm.maand = mm.maand
left join frequent_middellang_maand as fml on fml.mw = mm.mw and fml.maand = mm.maand
left join open_op_maandeinde as o on o.mw = mm.mw and o.maand = mm.maand
group by mm.en, mm.maand, mm.attr
