-- grain: one row per unit, month (of the block) and attribute combination with new reports
-- answers: new reports (spells by their first day) in the unit and attributes of that day; of
-- them, accidents at work and recidives (melding_start)
create or replace temp table feit_meldingen as
select
    en, maand, attr,
    count(*) as meldingen,
    count(*) filter (where soort = 'arbeidsongeval') as meldingen_ongeval,
    count(*) filter (where recidive) as meldingen_recidive
from melding_start_blok
where blok = (select max(blok) from kalender_blok) and not beeindigd
group by all
