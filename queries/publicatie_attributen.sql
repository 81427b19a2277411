-- grain: one row per attribute combination of the facts
-- answers: the combinations the publication pattern splits cells by, in key order
select attr, lk, gs, sg
from attribuut
order by attr
