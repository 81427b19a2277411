-- grain: one row per period, unit, leeftijdsklasse, geslacht and schaalgroep
-- answers: nulverzuim (DESIGN 3) for periods of whole months: employees with an in-service day
-- in the period, counted in the unit of their last in-service day of the period, and how many
-- of them had no in-service day with absence. Not additive over months, hence per period.
-- Inputs: perioden_maanden(periode_id, maand, laatste_maand) and groepen(groep, en): only
-- employees who were in one of those units in a month of the period can count there.
with eenheden as (
    select distinct en
    from groepen
),

kandidaat as (
    select distinct mm.mw
    from medewerker_maand as mm
    inner join eenheden as ee on ee.en = mm.en
    where mm.maand between (select min(maand) from perioden_maanden)
        and (select max(maand) from perioden_maanden)
),

per_medewerker as (
    select
        pm.periode_id,
        mm.mw,
        arg_max(struct_pack(mm.en, mm.attr), mm.maand) as laatst,
        bool_or(mm.afwezig) as afwezig
    from medewerker_maand as mm
    semi join kandidaat as k on k.mw = mm.mw
    inner join perioden_maanden as pm on pm.maand = mm.maand
    group by pm.periode_id, mm.mw
),

final as (
    select
        pm.periode_id,
        pm.laatst.en as en,
        a.lk,
        a.gs,
        a.sg,
        count(*) as medewerkers,
        count(*) filter (where not pm.afwezig) as zonder_verzuim
    from per_medewerker as pm
    inner join eenheden as ee on ee.en = pm.laatst.en
    inner join attribuut as a on a.attr = pm.laatst.attr
    group by all
)

select * from final
