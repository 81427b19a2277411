-- grain: one row per combination of attribute values present in the staff data
-- answers: which values of leeftijdsklasse, geslacht and schaalgroep exist (filter options)
select lk, gs, sg
from attribuut
