-- grain: one row per unit of the active tree
-- answers: which units exist and to which client organisation they belong, for validating a new
-- extract against what is already imported
select eenheid, organisatie
from eenheid
