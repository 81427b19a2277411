-- grain: one row per unit (of the first day), month (of the last day, in the block) and
-- attributes
-- answers: ended spells, their summed length, and counts by duration class of the whole spell
create or replace temp table feit_beeindigd as
select
    en, maand, attr,
    count(*) as beeindigd,
    sum(duur) as beeindigd_duur,
    count(*) filter (where duur <= 7) as beeindigd_kort,
    count(*) filter (where duur between 8 and 42) as beeindigd_middellang,
    count(*) filter (where duur between 43 and 365) as beeindigd_lang,
    count(*) filter (where duur >= 366) as beeindigd_extra_lang
from melding_start_blok
where blok = (select max(blok) from kalender_blok) and beeindigd
group by all
