-- grain: one row per absence spell (pregnancy excluded) that is at least the employee's third,
-- and block of months in which it can make the employee a frequent absentee
-- answers: the months in which the employee counts as a frequent absentee because of this spell
-- (DESIGN 3: 3+ spells with a first day in the 12 months up to the month): at the end of month M
-- the latest spell so far is this one while M lies before the next spell's month, and three
-- spells lie in the 12 months up to M exactly when the spell two before started in month M-11
-- or later; stored by block
create or replace temp table reeks as
with volgorde as (
    select
        mw, d0,
        lag(d0, 2) over (partition by mw order by d0) as d0_derde,
        lead(d0) over (partition by mw order by d0) as d0_volgende
    from melding
    where soort <> 'zwangerschap'
),

maanden as (
    select
        mw,
        date_trunc('month', d0) as vanaf,
        date_trunc('month', d0_derde) + interval 11 month as tot_en_met,
        date_trunc('month', d0_volgende) as volgende
    from volgorde
    where d0_derde is not null
)

select r.mw, r.vanaf, r.tot_en_met, r.volgende, b.blok
from maanden as r
inner join maandblok as b
    on b.van <= r.tot_en_met
    and b.tot >= r.vanaf
    and (r.volgende is null or b.van < r.volgende)
order by b.blok
