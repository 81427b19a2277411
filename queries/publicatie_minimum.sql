-- grain: one row
-- answers: the minimum group size the stored publication pattern was built with
select min_groep
from publicatie_minimum
