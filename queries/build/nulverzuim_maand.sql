-- grain: one row per month, unit, leeftijdsklasse, geslacht and schaalgroep
-- answers: the inputs of nulverzuim_per_periode when it builds the monthly facts: every month
-- of the calendar as a period, and every known unit
create or replace temp view perioden as
select maand as periode_id, maand as begin, maand_eind as eind
from kalender;

create or replace temp view eenheden_filter as
select eenheid
from eenheid
