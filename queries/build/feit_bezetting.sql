-- grain: one row per unit (en), month and attribute combination (attr)
-- answers: in-service days and available days (f-weighted) per month
create or replace temp table feit_bezetting as
select
    en, maand, attr,
    sum(e - b + 1) as bezettingsdagen,
    sum(f * (e - b + 1)) as beschikbare_dagen
from dienst_maand
group by en, maand, attr
