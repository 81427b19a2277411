-- grain: one row per unit, month and attribute combination with new reports
-- answers: new reports (spells by their first day) in the unit and attributes of that day
create or replace temp table feit_meldingen as
select
    en, cast(date_trunc('month', d0) as date) as maand, attr,
    count(*) as meldingen,
    count(*) filter (where soort = 'arbeidsongeval') as meldingen_ongeval
from melding_start
where d0 <= laatste_dag and d0 >= (select min(maand) from kalender)
group by all
