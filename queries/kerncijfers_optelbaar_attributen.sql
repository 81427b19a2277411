-- grain: one row per period, group and unit-month-attribute fact within the attribute filter
-- answers: like kerncijfers_optelbaar, from the facts split by leeftijdsklasse, geslacht and
-- schaalgroep, for a filter on them or a breakdown by one of them (empty list: no filter)
-- Inputs: perioden_maanden(periode_id, maand, laatste_maand), groepen(groep, en).
with attributen as (
    select *
    from attribuut
    where
        (len($leeftijdsklassen) = 0 or list_contains($leeftijdsklassen, lk))
        and (len($geslachten) = 0 or list_contains($geslachten, gs))
        and (len($schaalgroepen) = 0 or list_contains($schaalgroepen, sg))
)

select
    pm.periode_id,
    g.groep,
    a.lk,
    a.gs,
    a.sg,
    f.maand = pm.laatste_maand as einde,
    f.* exclude (en, maand, attr)
from perioden_maanden as pm
inner join feit as f on f.maand = pm.maand
inner join groepen as g on g.en = f.en
inner join attributen as a on a.attr = f.attr
