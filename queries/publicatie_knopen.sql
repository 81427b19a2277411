-- grain: one row per node of the publication pattern
-- answers: the nodes whose numbers the product can publish: every unit with everything below it
-- (knoop = 2·en) and the own staff of every unit that has children (knoop = 2·en + 1), with the
-- node they are a part of, their depth, and whether they have parts themselves (`blad`: no)
with ouders as (
    select distinct ouder
    from eenheid
    where ouder is not null
),

final as (
    select
        2 * e.nr as knoop,
        2 * p.nr as ouder,
        e.niveau as diepte,
        o.ouder is null as blad
    from eenheid as e
    left join eenheid as p on p.eenheid = e.ouder
    left join ouders as o on o.ouder = e.eenheid
    union all
    select
        2 * e.nr + 1 as knoop,
        2 * e.nr as ouder,
        e.niveau + 1 as diepte,
        true as blad
    from eenheid as e
    inner join ouders as o on o.ouder = e.eenheid
)

select * from final
order by knoop
