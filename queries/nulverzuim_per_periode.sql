-- grain: one row per period, unit, leeftijdsklasse, geslacht and schaalgroep
-- answers: nulverzuim (DESIGN 3): employees in service on some day of the period, counted in the
-- unit of their last in-service day of the period, and how many of them had no day with w > 0.
-- Inputs: perioden(periode_id, begin, eind) and eenheden_filter(eenheid): only employees who
-- were in one of those units during a period can count there, so the others are skipped early.
with in_bereik as (
    select distinct d.mw
    from dienst as d
    inner join eenheden_filter as ef on ef.eenheid = d.eenheid
),

dienst_in_periode as (
    select
        p.periode_id, d.mw, d.eenheid, d.lk, d.gs, d.sg,
        greatest(d.begin, p.begin) as b,
        least(d.eind, p.eind, pl.laatste_dag) as e
    from perioden as p
    inner join dienst as d on d.begin <= p.eind and d.eind >= p.begin
    inner join in_bereik as ib on ib.mw = d.mw
    inner join peil as pl on pl.organisatie = d.organisatie
    where greatest(d.begin, p.begin) <= least(d.eind, p.eind, pl.laatste_dag)
),

laatste_dag as (
    select periode_id, mw, arg_max(struct_pack(eenheid, lk, gs, sg), e) as s
    from dienst_in_periode
    group by periode_id, mw
),

met_verzuim as (
    select distinct dp.periode_id, dp.mw
    from dienst_in_periode as dp
    inner join fase as f on f.mw = dp.mw and f.begin <= dp.e and f.eind >= dp.b
    where f.soort <> 'zwangerschap'
),

final as (
    select
        l.periode_id,
        l.s.eenheid as eenheid,
        l.s.lk as lk,
        l.s.gs as gs,
        l.s.sg as sg,
        count(*) as medewerkers,
        count(*) filter (where v.mw is null) as zonder_verzuim
    from laatste_dag as l
    left join met_verzuim as v on v.periode_id = l.periode_id and v.mw = l.mw
    group by all
)

select * from final
