-- grain: one row per logged action (import or restore) and file; a restore has one row without
-- a file
-- answers: who imported or restored what and when, with which files (hash, rows read and
-- accepted), which peildatum, which organisations, and whether the import still counts.
-- $organisaties: the organisations the user may see (null: all). An entry is shown when it
-- touched one of them; for a restore that is the organisations of the import it undid.
with log as (
    select
        import_id,
        tijdstip,
        gebruiker,
        actie,
        peildatum,
        omschrijving,
        -- store.herstel_vorige logs the undone import only in its description
        case
            when actie = 'herstel'
                then try_cast(regexp_extract(omschrijving, '^Import ([0-9]+) ', 1) as integer)
        end as herstelt
    from import_log
),

bestanden as (
    select import_id, soort, bestandsnaam, sha256, rijen_gelezen, rijen_geaccepteerd
    from import_bestand
),

snapshots as (
    select
        s.import_id,
        s.soort,
        s.organisatie,
        a.snapshot_id is not null as is_actief,
        $organisaties is null or list_contains($organisaties::varchar[], s.organisatie)
            as zichtbaar
    from snapshot as s
    left join actief as a on a.snapshot_id = s.snapshot_id
),

per_import as (
    select
        import_id,
        list_sort(list_distinct(list(organisatie) filter (where zichtbaar))) as organisaties,
        bool_or(zichtbaar) as raakt_zichtbaar,
        count(*) as snapshots,
        count(*) filter (where is_actief) as actief
    from snapshots
    group by import_id
),

per_import_soort as (
    select import_id, soort, bool_and(zichtbaar) as alles_zichtbaar
    from snapshots
    group by import_id, soort
),

teruggedraaid as (
    select distinct herstelt as import_id
    from log
    where herstelt is not null
),

regels as (
    select
        l.import_id,
        l.tijdstip,
        l.gebruiker,
        l.actie,
        l.peildatum,
        l.omschrijving,
        l.herstelt,
        coalesce(pi.organisaties, hpi.organisaties, []) as organisaties,
        coalesce(pi.raakt_zichtbaar, hpi.raakt_zichtbaar, false) as raakt_zichtbaar,
        case
            when l.actie = 'herstel' then 'herstel'
            when t.import_id is not null then 'teruggedraaid'
            when pi.actief = pi.snapshots then 'actief'
            when pi.actief > 0 then 'deels vervangen'
            else 'vervangen'
        end as status
    from log as l
    left join per_import as pi on pi.import_id = l.import_id
    left join per_import as hpi on hpi.import_id = l.herstelt
    left join teruggedraaid as t on t.import_id = l.import_id
),

final as (
    select
        r.import_id,
        r.tijdstip,
        r.gebruiker,
        r.actie,
        r.peildatum,
        r.omschrijving,
        r.herstelt,
        r.organisaties,
        r.status,
        b.soort,
        b.bestandsnaam,
        b.sha256,
        -- row counts of a file that also holds other organisations are not shown
        case when coalesce(ps.alles_zichtbaar, true) then b.rijen_gelezen end as rijen_gelezen,
        case
            when coalesce(ps.alles_zichtbaar, true) then b.rijen_geaccepteerd
        end as rijen_geaccepteerd
    from regels as r
    left join bestanden as b on b.import_id = r.import_id
    left join per_import_soort as ps on ps.import_id = b.import_id and ps.soort = b.soort
    where $organisaties is null or r.raakt_zichtbaar
)

select * from final
order by import_id desc, case soort
    when 'organisatie' then 1 when 'personeel' then 2 when 'verzuim' then 3 else 4
end
