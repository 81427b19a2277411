-- grain: one row per client organisation and kind of extract in the active data
-- answers: what counts now: per organisation and kind the rows, survey waves, peildatum of the
-- import, when and from which files it was imported, and the organisation's peildatum.
-- $organisaties: the organisations the user may see (null: all).
with actieve_snapshots as (
    select s.snapshot_id, s.import_id, s.soort, s.organisatie, s.sleutel, s.peildatum, s.rijen
    from actief as a
    inner join snapshot as s on s.snapshot_id = a.snapshot_id
    where $organisaties is null or list_contains($organisaties::varchar[], s.organisatie)
),

-- survey snapshots hold one row per unit and scale; count units, as the file has them
enquete_rijen as (
    select e.snapshot_id, count(distinct (e.meting, e.eenheid)) as rijen
    from enquete_rij as e
    semi join actieve_snapshots as s on s.snapshot_id = e.snapshot_id
    group by e.snapshot_id
),

imports as (
    select l.import_id, l.tijdstip, l.gebruiker
    from import_log as l
),

bestanden as (
    select import_id, soort, bestandsnaam
    from import_bestand
),

per_soort as (
    select
        s.organisatie,
        s.soort,
        cast(sum(coalesce(er.rijen, s.rijen)) as bigint) as rijen,
        list_sort(list(s.sleutel) filter (where s.sleutel <> '')) as metingen,
        max(s.peildatum) as peildatum_import,
        max(s.import_id) as import_id,
        max(i.tijdstip) as tijdstip,
        list_sort(list_distinct(list(b.bestandsnaam))) as bestanden
    from actieve_snapshots as s
    inner join imports as i on i.import_id = s.import_id
    left join enquete_rijen as er on er.snapshot_id = s.snapshot_id
    left join bestanden as b on b.import_id = s.import_id and b.soort = s.soort
    group by s.organisatie, s.soort
),

namen as (
    select eenheid as organisatie, naam
    from eenheid
    where ouder is null
),

final as (
    select
        ps.organisatie,
        n.naam,
        ps.soort,
        ps.rijen,
        ps.metingen,
        ps.peildatum_import,
        ps.import_id,
        ps.tijdstip,
        ps.bestanden,
        p.peildatum as peildatum_organisatie,
        p.laatste_dag
    from per_soort as ps
    left join namen as n on n.organisatie = ps.organisatie
    left join peil as p on p.organisatie = ps.organisatie
)

select * from final
order by coalesce(naam, organisatie), case soort
    when 'organisatie' then 1 when 'personeel' then 2 when 'verzuim' then 3 else 4
end
