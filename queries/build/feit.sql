-- grain: one row per unit, month, leeftijdsklasse, geslacht and schaalgroep
-- answers: every additive monthly count the metrics of DESIGN section 3 are made of.
-- Days are attributed to the unit, part-time factor and attributes of the employment period that
-- covers them; months after an organisation's last showable day are left out.
create or replace table feit as
with dienst_geknipt as (
    -- employment periods clipped to the calendar and to the organisation's last showable day
    select
        d.mw, d.eenheid, d.f, d.lk, d.gs, d.sg, d.begin, d.eind, p.laatste_dag,
        greatest(d.begin, (select min(maand) from kalender)) as b,
        least(d.eind, p.laatste_dag) as e
    from dienst as d
    inner join peil as p on p.organisatie = d.organisatie
),

dienst_actief as (
    select * from dienst_geknipt where b <= e
),

bezetting as (
    select
        d.eenheid, k.maand, d.lk, d.gs, d.sg,
        sum(least(d.e, k.maand_eind) - greatest(d.b, k.maand) + 1) as bezettingsdagen,
        sum(d.f * (least(d.e, k.maand_eind) - greatest(d.b, k.maand) + 1)) as beschikbare_dagen
    from dienst_actief as d
    inner join kalender as k on k.maand <= d.e and k.maand_eind >= d.b
    group by all
),

segment as (
    -- absence phase days within one employment period
    select
        d.eenheid, d.lk, d.gs, d.sg, d.f, f.p, f.soort, f.d0,
        greatest(f.begin, d.b) as b,
        least(f.eind, d.e) as e
    from fase as f
    inner join dienst_actief as d on d.mw = f.mw and d.b <= f.eind and d.e >= f.begin
    where f.soort <> 'zwangerschap'
),

duurklasse (klasse, dag_van, dag_tot) as (
    values ('kort', 1, 7), ('middellang', 8, 42), ('lang', 43, 365), ('extra_lang', 366, 1000000)
),

segment_klasse as (
    -- split by the day number n = d - d0 + 1 within the spell
    select
        s.*, dk.klasse,
        greatest(s.b, s.d0 + (dk.dag_van - 1)) as bk,
        least(s.e, s.d0 + (dk.dag_tot - 1)) as ek
    from segment as s
    cross join duurklasse as dk
    where greatest(s.b, s.d0 + (dk.dag_van - 1)) <= least(s.e, s.d0 + (dk.dag_tot - 1))
),

verzuimdagen as (
    select
        s.eenheid, k.maand, s.lk, s.gs, s.sg,
        s.f * s.p / 100.0 * (least(s.ek, k.maand_eind) - greatest(s.bk, k.maand) + 1) as w,
        s.klasse,
        s.soort
    from segment_klasse as s
    inner join kalender as k on k.maand <= s.ek and k.maand_eind >= s.bk
),

verzuim as (
    select
        eenheid, maand, lk, gs, sg,
        sum(w) filter (where klasse = 'kort') as verzuimdagen_kort,
        sum(w) filter (where klasse = 'middellang') as verzuimdagen_middellang,
        sum(w) filter (where klasse = 'lang') as verzuimdagen_lang,
        sum(w) filter (where klasse = 'extra_lang') as verzuimdagen_extra_lang,
        sum(w) filter (where soort = 'arbeidsongeval') as verzuimdagen_ongeval
    from verzuimdagen
    group by all
),

melding_bij_start as (
    -- each spell with the employment period on its first day (unclipped: d0 may be early)
    select
        m.*, d.eenheid, d.lk, d.gs, d.sg, d.b, d.e, d.laatste_dag,
        m.dl - m.d0 + 1 as duur
    from melding as m
    inner join dienst_geknipt as d on d.mw = m.mw and m.d0 between d.begin and d.eind
    where m.soort <> 'zwangerschap'
),

meldingen as (
    select
        eenheid, cast(date_trunc('month', d0) as date) as maand, lk, gs, sg,
        count(*) as meldingen,
        count(*) filter (where soort = 'arbeidsongeval') as meldingen_ongeval
    from melding_bij_start
    where d0 between b and e
    group by all
),

beeindigd as (
    select
        m.eenheid, cast(date_trunc('month', m.dl) as date) as maand, m.lk, m.gs, m.sg,
        count(*) as beeindigd,
        sum(m.duur) as beeindigd_duur,
        count(*) filter (where m.duur <= 7) as beeindigd_kort,
        count(*) filter (where m.duur between 8 and 42) as beeindigd_middellang,
        count(*) filter (where m.duur between 43 and 365) as beeindigd_lang,
        count(*) filter (where m.duur >= 366) as beeindigd_extra_lang
    from melding_bij_start as m
    where not m.open and m.dl <= m.laatste_dag and m.dl >= (select min(maand) from kalender)
    group by all
),

in_dienst_einde as (
    -- employees in service on the last day of each month, with that day's unit
    select k.maand, k.maand_eind, d.mw, d.eenheid, d.lk, d.gs, d.sg
    from kalender as k
    inner join dienst_actief as d on k.maand_eind between d.b and d.e
),

derde_melding as (
    -- for each spell, the first day of the spell two before it: three spells within a window
    -- exist exactly when that day lies in the window
    select mw, d0, lag(d0, 2) over (partition by mw order by d0) as d0_derde
    from melding
    where soort <> 'zwangerschap'
),

frequent as (
    select
        i.eenheid, i.maand, i.lk, i.gs, i.sg,
        count(*) as eind_in_dienst,
        count(*) filter (
            where dm.d0_derde >= cast(i.maand - interval 11 month as date)
        ) as frequent
    from in_dienst_einde as i
    asof left join derde_melding as dm on i.mw = dm.mw and i.maand_eind >= dm.d0
    group by all
),

langdurig as (
    -- spells open on the last day of the month, by day number on that day
    select
        i.eenheid, i.maand, i.lk, i.gs, i.sg,
        count(*) as open_einde,
        count(*) filter (where i.maand_eind - m.d0 + 1 >= 43) as langdurig,
        count(*) filter (where i.maand_eind - m.d0 + 1 >= 42 * 7 + 1) as voorbij_week42,
        count(*) filter (where i.maand_eind - m.d0 + 1 >= 52 * 7 + 1) as voorbij_week52,
        count(*) filter (where i.maand_eind - m.d0 + 1 >= 91 * 7 + 1) as voorbij_week91
    from in_dienst_einde as i
    inner join melding as m on m.mw = i.mw and i.maand_eind between m.d0 and m.dl
    where m.soort <> 'zwangerschap'
    group by all
),

nulverzuim as (
    select
        eenheid, periode_id as maand, lk, gs, sg,
        medewerkers as nul_medewerkers,
        zonder_verzuim as nul_zonder_verzuim
    from nulverzuim_maand
),

delen as (
    select eenheid, maand, lk, gs, sg, bezettingsdagen, beschikbare_dagen,
        null as verzuimdagen_kort, null as verzuimdagen_middellang, null as verzuimdagen_lang,
        null as verzuimdagen_extra_lang, null as verzuimdagen_ongeval,
        null as meldingen, null as meldingen_ongeval, null as beeindigd, null as beeindigd_duur,
        null as beeindigd_kort, null as beeindigd_middellang, null as beeindigd_lang,
        null as beeindigd_extra_lang, null as nul_medewerkers, null as nul_zonder_verzuim,
        null as eind_in_dienst, null as frequent, null as open_einde, null as langdurig,
        null as voorbij_week42, null as voorbij_week52, null as voorbij_week91
    from bezetting
    union all by name
    select * from verzuim
    union all by name
    select * from meldingen
    union all by name
    select * from beeindigd
    union all by name
    select * from nulverzuim
    union all by name
    select * from frequent
    union all by name
    select * from langdurig
)

select
    eenheid, maand, lk, gs, sg,
    coalesce(sum(bezettingsdagen), 0)::bigint as bezettingsdagen,
    coalesce(sum(beschikbare_dagen), 0)::double as beschikbare_dagen,
    coalesce(sum(verzuimdagen_kort), 0)::double as verzuimdagen_kort,
    coalesce(sum(verzuimdagen_middellang), 0)::double as verzuimdagen_middellang,
    coalesce(sum(verzuimdagen_lang), 0)::double as verzuimdagen_lang,
    coalesce(sum(verzuimdagen_extra_lang), 0)::double as verzuimdagen_extra_lang,
    coalesce(sum(verzuimdagen_ongeval), 0)::double as verzuimdagen_ongeval,
    coalesce(sum(meldingen), 0)::bigint as meldingen,
    coalesce(sum(meldingen_ongeval), 0)::bigint as meldingen_ongeval,
    coalesce(sum(beeindigd), 0)::bigint as beeindigd,
    coalesce(sum(beeindigd_duur), 0)::bigint as beeindigd_duur,
    coalesce(sum(beeindigd_kort), 0)::bigint as beeindigd_kort,
    coalesce(sum(beeindigd_middellang), 0)::bigint as beeindigd_middellang,
    coalesce(sum(beeindigd_lang), 0)::bigint as beeindigd_lang,
    coalesce(sum(beeindigd_extra_lang), 0)::bigint as beeindigd_extra_lang,
    coalesce(sum(nul_medewerkers), 0)::bigint as nul_medewerkers,
    coalesce(sum(nul_zonder_verzuim), 0)::bigint as nul_zonder_verzuim,
    coalesce(sum(eind_in_dienst), 0)::bigint as eind_in_dienst,
    coalesce(sum(frequent), 0)::bigint as frequent,
    coalesce(sum(open_einde), 0)::bigint as open_einde,
    coalesce(sum(langdurig), 0)::bigint as langdurig,
    coalesce(sum(voorbij_week42), 0)::bigint as voorbij_week42,
    coalesce(sum(voorbij_week52), 0)::bigint as voorbij_week52,
    coalesce(sum(voorbij_week91), 0)::bigint as voorbij_week91
from delen
group by eenheid, maand, lk, gs, sg
order by eenheid, maand
