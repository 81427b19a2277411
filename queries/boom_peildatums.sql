-- grain: one row per client organisation with data
-- answers: the peildatum of each organisation
select organisatie, peildatum
from peil
