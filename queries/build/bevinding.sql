-- grain: one row per data-quality finding and client organisation
-- answers: what in the active data counts nowhere (DESIGN 3: absence days outside employment)
create or replace table bevinding as
with fase_dagen_alle as (
    select f.melding, f.mw, f.begin, f.eind, f.eind - f.begin + 1 as dagen
    from fase as f
    where f.soort <> 'zwangerschap'
),

-- Only spells of two kinds of employee can have days outside employment: one with a phase that
-- no single employment period contains, or one whose periods overlap (then a day may count
-- twice). For everyone else every phase lies inside one period and counts fully, so the sums
-- below run over the spells of these employees only (few; a sum over every spell did not fit
-- in memory at four times the benchmark size).
overlappend as (
    select distinct mw
    from (
        select mw, eind, lead(begin) over (partition by mw order by begin) as volgende_begin
        from dienst
    )
    where volgende_begin <= eind
),

niet_in_een_dienst as (
    select distinct fd.mw
    from fase_dagen_alle as fd
    where not exists (
        select 1
        from dienst as d
        where d.mw = fd.mw and d.begin <= fd.begin and d.eind >= fd.eind
    )
),

fase_dagen as (
    select fd.*
    from fase_dagen_alle as fd
    where fd.mw in (select mw from overlappend union select mw from niet_in_een_dienst)
),

gedekt as (
    select
        fd.melding,
        sum(least(fd.eind, d.eind) - greatest(fd.begin, d.begin) + 1) as dagen
    from fase_dagen as fd
    inner join dienst as d on d.mw = fd.mw and d.begin <= fd.eind and d.eind >= fd.begin
    group by fd.melding
),

buiten_dienst as (
    select
        fd.melding,
        any_value(fd.mw) as mw,
        sum(fd.dagen) - coalesce(any_value(g.dagen), 0) as dagen
    from fase_dagen as fd
    left join gedekt as g on g.melding = fd.melding
    group by fd.melding
    having sum(fd.dagen) - coalesce(any_value(g.dagen), 0) > 0
),

organisatie_van_medewerker as (
    select mw, any_value(organisatie) as organisatie
    from dienst
    where organisatie is not null
    group by mw
),

final as (
    select
        coalesce(o.organisatie, '') as organisatie,
        'verzuim_buiten_dienst' as soort,
        'Verzuimdagen buiten een dienstverband (tellen nergens mee)' as omschrijving,
        count(*) as meldingen,
        sum(b.dagen) as dagen
    from buiten_dienst as b
    left join organisatie_van_medewerker as o on o.mw = b.mw
    group by all
    union all
    select
        '' as organisatie,
        'onbekende_eenheid' as soort,
        'Dienstverbanden bij een eenheid die niet in de organisatie voorkomt' as omschrijving,
        count(*) as meldingen,
        0 as dagen
    from dienst
    where organisatie is null
    having count(*) > 0
)

select * from final
