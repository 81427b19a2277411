-- grain: one row per data-quality finding and client organisation
-- answers: which findings of the active data (table bevinding, built on every import) the user
-- may see, with the organisation's name. $organisaties: visible organisations (null: all);
-- findings that belong to no organisation are shown only when every organisation is visible.
with bevindingen as (
    select organisatie, soort, omschrijving, meldingen, dagen
    from bevinding
),

namen as (
    select eenheid as organisatie, naam
    from eenheid
    where ouder is null
),

final as (
    select
        b.organisatie,
        n.naam,
        b.soort,
        b.omschrijving,
        cast(b.meldingen as bigint) as meldingen,
        cast(b.dagen as bigint) as dagen
    from bevindingen as b
    left join namen as n on n.organisatie = b.organisatie
    where $organisaties is null or list_contains($organisaties::varchar[], b.organisatie)
)

select * from final
order by coalesce(naam, organisatie), soort
