-- grain: one row per absence spell (phases sharing a melding_id form one spell)
-- answers: first day, last day up to the peildatum, whether it is still open, and its kind
create or replace table melding as
select
    melding,
    any_value(mw) as mw,
    min(begin) as d0,
    max(eind) as dl,
    bool_or(open) as open,
    any_value(soort) as soort
from fase
group by melding
