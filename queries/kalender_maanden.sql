-- grain: one row per month of the monthly facts
-- answers: the months and their number of days, in order
select maand, dagen
from kalender
order by maand
