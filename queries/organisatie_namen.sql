-- grain: one row per client organisation (root unit)
-- answers: the display name of each client organisation
select eenheid, naam
from eenheid
where ouder is null
