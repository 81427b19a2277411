-- grain: one row per unit (en), month of the block and attribute combination (attr)
-- answers: adds the block's rows to feit: the parts (feit_*) of the block joined, every count
-- present (0 where a part has no row)
insert into feit by name
with samen as (
    select *
    from feit_bezetting
    left join feit_medewerkers using (en, maand, attr)
    left join feit_verzuim using (en, maand, attr)
    left join feit_meldingen using (en, maand, attr)
    full join feit_beeindigd using (en, maand, attr)
)

select
    en, maand, attr,
    -- every count of the parts, passed through by name (feit.sql declares them once)
    cast(coalesce(columns(* exclude (en, maand, attr)), 0) as bigint)
from samen
