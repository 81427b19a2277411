-- grain: one row per employee in the active staff data
-- answers: each employee's client organisation (that of the latest employment period), which an
-- absence-only import needs to place its spells
select m.medewerker_id, arg_max(d.organisatie, d.begin) as _org
from dienst as d
inner join medewerker as m using (mw)
group by m.medewerker_id
