-- grain: one row per period, group and unit-month fact
-- answers: the monthly facts that make up each period × group cell: the API sums them (counts
-- over the months and units; period-end counts only where `einde`, the period's last month)
-- Inputs: perioden_maanden(periode_id, maand, laatste_maand), groepen(groep, en).
select
    pm.periode_id,
    g.groep,
    f.maand = pm.laatste_maand as einde,
    f.* exclude (en, maand)
from perioden_maanden as pm
inner join feit_eenheid as f on f.maand = pm.maand
inner join groepen as g on g.en = f.en
