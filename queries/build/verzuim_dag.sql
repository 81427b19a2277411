-- grain: one row per absence phase, employment period, month (of the block) and duration class
-- answers: absence weight w = f × p/100 summed over the days of each piece (DESIGN 3), as an
-- exact integer w8 = w × 10^8 (f in 1/10000, p in 1/100 percent), with the
-- duration class by day number n = d - d0 + 1 within the spell; pregnancy is left out
create or replace temp table verzuim_dag as
with fase_in_blok as (
    select *
    from fase_verzuim
    where blok = (select max(blok) from kalender_blok)
),

segment as (
    select
        dm.mw, dm.en, dm.attr, dm.f4, dm.maand, f.p2, f.soort, f.d0,
        greatest(f.begin, dm.b) as b,
        least(f.eind, dm.e) as e
    from fase_in_blok as f
    inner join dienst_maand as dm on dm.mw = f.mw and dm.b <= f.eind and dm.e >= f.begin
),

duurklasse (klasse, dag_van, dag_tot) as (
    values (1, 1, 7), (2, 8, 42), (3, 43, 365), (4, 366, 1000000)
)

select
    s.mw, s.en, s.attr, s.maand, dk.klasse, s.soort = 'arbeidsongeval' as ongeval,
    s.f4 * s.p2 * (
        least(s.e, s.d0 + (dk.dag_tot - 1)) - greatest(s.b, s.d0 + (dk.dag_van - 1)) + 1
    ) as w8
from segment as s
inner join duurklasse as dk
    on greatest(s.b, s.d0 + (dk.dag_van - 1)) <= least(s.e, s.d0 + (dk.dag_tot - 1))
