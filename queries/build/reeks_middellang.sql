-- grain: one row per medium-long absence spell (8-42 days, pregnancy excluded) that is at least
-- the employee's second, and block of months in which it can make the employee a frequent
-- medium-long absentee
-- answers: the months in which the employee counts as frequent medium-long (2+ spells of 8-42
-- days with a first day in the 12 months up to the month, as the Almere pilot signalled): at the
-- end of month M the latest such spell so far is this one while M lies before the next one's
-- month, and two lie in the 12 months up to M exactly when the one before started in month M-11
-- or later; the length is the spell's days up to the peildatum; stored by block
create or replace temp table reeks_middellang as
with volgorde as (
    select
        mw, d0,
        lag(d0) over (partition by mw order by d0) as d0_vorige,
        lead(d0) over (partition by mw order by d0) as d0_volgende
    from melding
    where soort <> 'zwangerschap' and dl - d0 + 1 between 8 and 42
),

maanden as (
    select
        mw,
        date_trunc('month', d0) as vanaf,
        date_trunc('month', d0_vorige) + interval 11 month as tot_en_met,
        date_trunc('month', d0_volgende) as volgende
    from volgorde
    where d0_vorige is not null
)

select r.mw, r.vanaf, r.tot_en_met, r.volgende, b.blok
from maanden as r
inner join maandblok as b
    on b.van <= r.tot_en_met
    and b.tot >= r.vanaf
    and (r.volgende is null or b.van < r.volgende)
order by b.blok
