-- grain: one row
-- answers: the latest peildatum in the store
select max(peildatum) as peildatum
from peil
