-- grain: one row per employee and month of the block with at least one in-service day
-- answers: the unit and attributes of the last in-service day of the month, whether that day is
-- the month's last day, and whether any in-service day of the month had absence (w > 0)
create or replace temp table medewerker_maand_los as
with afwezig as (
    select distinct mw, maand
    from verzuim_dag
)

select
    dm.mw,
    dm.maand,
    dm.en,
    dm.attr,
    dm.einde,
    a.mw is not null as afwezig
from dienst_maand as dm
left join afwezig as a on a.mw = dm.mw and a.maand = dm.maand
where dm.laatst
