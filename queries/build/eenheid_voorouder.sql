-- grain: one row per unit and each of its ancestors (the unit itself included)
-- answers: which units a selection "unit with all its descendants" covers
create or replace table eenheid_voorouder as
select eenheid, unnest(pad) as voorouder
from eenheid
