-- grain: one row per employee, month, unit (en) and attribute combination (attr) with at least
-- one in-service day
-- answers: each person's share of the monthly facts, for statistics that take persons as the
-- sampling unit (DESIGN 3, last paragraph): in-service days, available days (× 10^4), absence
-- days (w × 10^8, all duration classes) and new reports, exact integers as in feit, so that the
-- sums over persons of a unit and month equal feit's. Read only in aggregate
-- (queries/persoon_sommen.sql): never a person's row leaves the store.
-- Run for each block of months (kalender_blok): the first block empties the table, every block
-- adds its rows sorted by month and unit, so that a query for a few months or units reads only
-- their row groups. A change of these columns needs a migration that drops the table.
create table if not exists persoon_maand (
    mw integer,
    maand date,
    en integer,
    attr smallint,
    dagen smallint,
    beschikbaar_e4 integer,
    verzuim_e8 bigint,
    meldingen smallint
);

delete from persoon_maand
where (select min(blok) from kalender_blok) = (select min(blok) from maandblok);

insert into persoon_maand by name
with dienst as (
    select mw, maand, en, attr, sum(e - b + 1) as dagen, sum(f4 * (e - b + 1)) as beschikbaar_e4
    from dienst_maand
    group by all
),

verzuim as (
    select mw, maand, en, attr, sum(w8) as verzuim_e8
    from verzuim_dag
    group by all
),

meldingen as (
    select mw, cast(date_trunc('month', d0) as date) as maand, en, attr, count(*) as meldingen
    from melding_start
    where
        d0 <= laatste_dag
        and d0 between (select min(maand) from kalender_blok) and (select max(maand_eind) from kalender_blok)
    group by all
),

samen as (
    select *
    from dienst
    left join verzuim using (mw, maand, en, attr)
    left join meldingen using (mw, maand, en, attr)
)

select
    mw, maand, en, attr,
    cast(dagen as smallint) as dagen,
    cast(beschikbaar_e4 as integer) as beschikbaar_e4,
    cast(coalesce(verzuim_e8, 0) as bigint) as verzuim_e8,
    cast(coalesce(meldingen, 0) as smallint) as meldingen
from samen
order by maand, en
