-- grain: one row per unit, month and attribute combination of the employees' last in-service day
-- answers: employee counts: in service (for nulverzuim) and without absence; in service on the
-- month's last day, of whom frequent absentees (3+ spells with a first day in the 12 months up to
-- the month) and open spells on that day by day number (Poortwachter milestones)
create or replace temp table feit_medewerkers as
with reeks as (
    -- spells in order per employee, with the first day of the spell two before and one after
    select
        mw, d0,
        lag(d0, 2) over (partition by mw order by d0) as d0_derde,
        lead(d0) over (partition by mw order by d0) as d0_volgende
    from melding
    where soort <> 'zwangerschap'
),

frequent_maand as (
    -- at the end of month M the latest spell so far is spell i while M lies before the next
    -- spell's month; three spells lie in the 12 months up to M exactly when the spell two before
    -- i started in month M-11 or later
    select distinct r.mw, k.maand
    from reeks as r
    inner join kalender as k
        on k.maand >= date_trunc('month', r.d0)
        and k.maand <= date_trunc('month', r.d0_derde) + interval 11 month
        and (r.d0_volgende is null or k.maand < date_trunc('month', r.d0_volgende))
    where r.d0_derde is not null
),

open_op_maandeinde as (
    select m.mw, k.maand, k.maand_eind - m.d0 + 1 as dagnummer
    from melding as m
    inner join kalender as k on k.maand_eind between m.d0 and m.dl
    where m.soort <> 'zwangerschap'
)

select
    mm.en, mm.maand, mm.attr,
    count(*) as nul_medewerkers,
    count(*) filter (where not mm.afwezig) as nul_zonder_verzuim,
    count(*) filter (where mm.einde) as eind_in_dienst,
    count(fm.mw) filter (where mm.einde) as frequent,
    count(o.mw) filter (where mm.einde) as open_einde,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 43) as langdurig,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 42 * 7 + 1) as voorbij_week42,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 52 * 7 + 1) as voorbij_week52,
    count(o.mw) filter (where mm.einde and o.dagnummer >= 91 * 7 + 1) as voorbij_week91
from medewerker_maand as mm
left join frequent_maand as fm on fm.mw = mm.mw and fm.maand = mm.maand
left join open_op_maandeinde as o on o.mw = mm.mw and o.maand = mm.maand
group by mm.en, mm.maand, mm.attr
