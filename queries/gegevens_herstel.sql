-- grain: one row per active snapshot of the import that a restore would undo
-- answers: what "Vorige gegevens terugzetten" does: the most recent import that is still active
-- (the same rule as Store.herstel_vorige), its snapshots, and what becomes active instead
-- (the previous snapshot, with its import and peildatum; none: that data disappears).
with te_herstellen as (
    select max(s.import_id) as import_id
    from actief as a
    inner join snapshot as s on s.snapshot_id = a.snapshot_id
),

snapshots as (
    select s.*
    from snapshot as s
    inner join actief as a on a.snapshot_id = s.snapshot_id
    inner join te_herstellen as t on t.import_id = s.import_id
),

final as (
    select
        s.import_id,
        l.tijdstip,
        l.gebruiker,
        l.omschrijving,
        s.peildatum,
        s.soort,
        s.organisatie,
        s.sleutel,
        s.rijen,
        v.import_id as vorige_import_id,
        v.peildatum as vorige_peildatum,
        v.rijen as vorige_rijen,
        vl.tijdstip as vorige_tijdstip
    from snapshots as s
    inner join import_log as l on l.import_id = s.import_id
    left join snapshot as v on v.snapshot_id = s.vorige_snapshot_id
    left join import_log as vl on vl.import_id = v.import_id
)

select * from final
order by organisatie, case soort
    when 'organisatie' then 1 when 'personeel' then 2 when 'verzuim' then 3 else 4
end, sleutel
