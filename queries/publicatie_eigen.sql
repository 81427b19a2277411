-- grain: one row per unit, month and attribute combination with people or ended spells
-- answers: what the publication pattern weighs: the in-service days (s, bezettingsdagen) and
-- ended spells (b) of each unit's own staff (not the units below it); the pattern adds them up
-- to the nodes and attribute cells it decides on
select
    f.en,
    f.maand,
    f.attr,
    f.bezettingsdagen as s,
    f.beeindigd as b
from feit as f
where f.bezettingsdagen > 0 or f.beeindigd > 0
