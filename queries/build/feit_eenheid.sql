-- grain: one row per unit and month (the facts without the attribute dimensions)
-- answers: the same counts as `feit`, smaller, for views without an attribute filter
create or replace table feit_eenheid as
select
    en,
    maand,
    -- every fact column summed over the attribute combinations, passed through by name
    cast(sum(columns(* exclude (en, maand, attr))) as bigint)
from feit
group by en, maand
order by en, maand
