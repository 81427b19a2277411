-- grain: one row per absence spell of melding_start and kind of count (new report in the month
-- of its first day, ended spell in the month of its last day) within the monthly facts
-- answers: per block of months the spells that count in one of its months: as a new report
-- (`beeindigd` false: in the month of d0) or as an ended spell (true: in the month of dl, for
-- closed spells); stored by block
create or replace temp table melding_start_blok as
with telt as (
    select en, attr, soort, duur, recidive, d0 as dag, false as beeindigd
    from melding_start
    where d0 <= laatste_dag and d0 >= (select min(maand) from kalender)
    union all
    select en, attr, soort, duur, recidive, dl as dag, true as beeindigd
    from melding_start
    where not open and dl <= laatste_dag and dl >= (select min(maand) from kalender)
)

select t.en, t.attr, t.soort, t.duur, t.recidive, t.beeindigd, cast(date_trunc('month', t.dag) as date) as maand, b.blok
from telt as t
inner join maandblok as b on t.dag between b.van and b.eind
order by b.blok
