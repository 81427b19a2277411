-- grain: one row per calendar month covered by the monthly facts
-- answers: which months exist: from the first data (at most $horizon full years before the
-- latest peildatum's year) to the last month that may be shown
create or replace table kalender as
with grenzen as (
    select
        greatest(
            cast(date_trunc('month', least(
                (select min(begin) from dienst),
                coalesce((select min(begin) from fase), date '9999-12-31')
            )) as date),
            make_date(cast(year((select max(peildatum) from peil)) as bigint) - $horizon, 1, 1)
        ) as van,
        (select max(laatste_dag) from peil) as tot
)

select
    cast(m as date) as maand,
    last_day(cast(m as date)) as maand_eind,
    cast(day(last_day(cast(m as date))) as integer) as dagen
from grenzen, range(cast(van as timestamp), cast(tot as timestamp), interval 1 month) as t (m)
where van <= tot
