-- grain: one row per unit (en), month (of the block) and attribute combination (attr)
-- answers: in-service days and available days (f-weighted, as integers of 1/10000 day) per month
create or replace temp table feit_bezetting as
select
    en, maand, attr,
    sum(e - b + 1) as bezettingsdagen,
    sum(f4 * (e - b + 1)) as beschikbaar_e4
from dienst_maand
group by en, maand, attr
