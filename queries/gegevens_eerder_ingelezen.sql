-- grain: one row per file hash in $hashes that was imported before
-- answers: was this exact file already imported (same SHA-256)? The most recent import of each
-- hash, when, under which name, and whether that file's data still counts.
with bestanden as (
    select b.sha256, b.bestandsnaam, b.soort, b.import_id, l.tijdstip
    from import_bestand as b
    inner join import_log as l on l.import_id = b.import_id
    where list_contains($hashes::varchar[], b.sha256)
),

actieve_bestanden as (
    select distinct s.import_id, s.soort
    from actief as a
    inner join snapshot as s on s.snapshot_id = a.snapshot_id
),

final as (
    select
        b.sha256,
        arg_max(b.import_id, b.import_id) as import_id,
        arg_max(b.tijdstip, b.import_id) as tijdstip,
        arg_max(b.bestandsnaam, b.import_id) as bestandsnaam,
        arg_max(b.soort, b.import_id) as soort,
        bool_or(ab.import_id is not null) as nog_actief
    from bestanden as b
    left join actieve_bestanden as ab on ab.import_id = b.import_id and ab.soort = b.soort
    group by b.sha256
)

select * from final
order by sha256
