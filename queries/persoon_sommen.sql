-- grain: one row per period and group
-- answers: sums over the persons of each group and period (persons are the sampling unit of the
-- statistics): their number, and for absence (v days of b available days) and reports (r new
-- reports in d in-service days) Σ, Σ of squares and Σ of products. A person counts once per
-- group and period, with all their months and units in the group together. Exact integer sums
-- (days scaled as in feit: b × 10^4, v × 10^8), divided once; never a person's row leaves here.
-- Inputs: perioden_maanden(periode_id, maand, laatste_maand), groepen(groep, en); attribute
-- filter lists (empty: no filter).
with attributen as (
    select attr
    from attribuut
    where
        (len($leeftijdsklassen) = 0 or list_contains($leeftijdsklassen, lk))
        and (len($geslachten) = 0 or list_contains($geslachten, gs))
        and (len($schaalgroepen) = 0 or list_contains($schaalgroepen, sg))
),

persoon as (
    select
        pm.periode_id,
        g.groep,
        p.mw,
        cast(sum(p.beschikbaar_e4) as hugeint) as b4,
        cast(sum(p.verzuim_e8) as hugeint) as v8,
        cast(sum(p.dagen) as hugeint) as d,
        cast(sum(p.meldingen) as hugeint) as r
    from persoon_maand as p
    inner join perioden_maanden as pm on pm.maand = p.maand
    inner join groepen as g on g.en = p.en
    semi join attributen as a on a.attr = p.attr
    group by all
),

final as (
    select
        periode_id,
        groep,
        count(*) as personen,
        cast(sum(b4) as double) / 1e4 as b,
        cast(sum(v8) as double) / 1e8 as v,
        cast(sum(b4 * b4) as double) / 1e8 as bb,
        cast(sum(v8 * v8) as double) / 1e16 as vv,
        cast(sum(v8 * b4) as double) / 1e12 as vb,
        cast(sum(d) as double) as d,
        cast(sum(r) as double) as r,
        cast(sum(d * d) as double) as dd,
        cast(sum(r * r) as double) as rr,
        cast(sum(r * d) as double) as rd
    from persoon
    group by all
)

select * from final
