-- grain: one row per pair of chart months t ≤ s (the matrix is symmetric: the caller mirrors it)
-- answers: the covariance, with persons as the sampling unit, of two months' seasonally
-- adjusted contrasts with the chart's baseline (statistiek.spc.persoonskaart). The contrast of
-- month t is D_t = r_t / f_t − B, with r_t the month's rate, f_t its seasonal factor and
-- B = Σ_basis y / Σ_basis n·f the pooled adjusted baseline. Linearised per person i:
-- a_it = (y_it − r_t·n_it) / (N_t·f_t) − (y_iB − B·n_iB) / N_B, with y_iB, n_iB the person's
-- baseline sums (n weighted by f) and N_B = Σ_basis n·f; cov(t, s) = Σ_i a_it·a_is. A person
-- with absence in consecutive months (a long spell) makes their contrasts move together: this is
-- what the chart's limits and rules must know. Only sums leave here, never a person's row.
-- Inputs: maanden(i, maand, factor, basis), groepen(en) (the group's units); $per_jaar: reports
-- per person-year instead of a percentage of days; attribute filter lists (empty: no filter).
with attributen as (
    select attr
    from attribuut
    where
        (len($leeftijdsklassen) = 0 or list_contains($leeftijdsklassen, lk))
        and (len($geslachten) = 0 or list_contains($geslachten, gs))
        and (len($schaalgroepen) = 0 or list_contains($schaalgroepen, sg))
),

pm as (
    select
        m.i,
        p.mw,
        any_value(m.factor) as f,
        any_value(m.basis) as basis,
        case
            when $per_jaar then cast(sum(p.meldingen) as double)
            else cast(sum(p.verzuim_e8) as double) / 1e8
        end as y,
        case
            when $per_jaar
                then cast(sum(p.dagen) as double) / (12 * (day(last_day(any_value(m.maand)))))
            else cast(sum(p.beschikbaar_e4) as double) / 1e4
        end as n
    from persoon_maand as p
    inner join maanden as m on m.maand = p.maand
    semi join groepen as g on g.en = p.en
    semi join attributen as a on a.attr = p.attr
    group by m.i, p.mw
),

maand as (
    select i, sum(y) / sum(n) as r, sum(n) as nt, any_value(f) as f
    from pm
    group by i
    having sum(n) > 0
),

basis as (
    select sum(y) / sum(n * f) as b, sum(n * f) as nb
    from pm
    where basis
),

persoon_basis as (
    select pm.mw, (sum(pm.y) - any_value(basis.b) * sum(pm.n * pm.f)) / any_value(basis.nb) as eb
    from pm cross join basis
    where pm.basis
    group by pm.mw
),

e as (
    select pm.i, pm.mw, (pm.y - m.r * pm.n) / (m.nt * m.f) as e
    from pm
    inner join maand as m on m.i = pm.i
),

ee as (
    select e1.i as t, e2.i as s, sum(e1.e * e2.e) as ee
    from e as e1
    inner join e as e2 on e2.mw = e1.mw and e2.i >= e1.i
    group by all
),

eb as (
    select e.i, sum(e.e * pb.eb) as eb
    from e
    inner join persoon_basis as pb on pb.mw = e.mw
    group by all
),

final as (
    select
        t.i as t,
        s.i as s,
        coalesce(ee.ee, 0)
        - coalesce(ebt.eb, 0)
        - coalesce(ebs.eb, 0)
        + (select coalesce(sum(eb * eb), 0) from persoon_basis) as cov
    from maand as t
    inner join maand as s on s.i >= t.i
    left join ee on ee.t = t.i and ee.s = s.i
    left join eb as ebt on ebt.i = t.i
    left join eb as ebs on ebs.i = s.i
)

select * from final
order by t, s
