-- grain: one row per period, group, leeftijdsklasse, geslacht and schaalgroep
-- answers: like kerncijfers_optelbaar, per attribute combination and within the attribute filter:
-- the additive monthly counts summed over each period's months and each group's units;
-- period-end counts (frequent and long absence) taken from the period's last month.
-- Inputs: perioden_maanden(periode_id, maand, laatste_maand), groepen(groep, eenheid).
with final as (
    select
        pm.periode_id,
        g.groep,
        f.lk,
        f.gs,
        f.sg,
        sum(f.bezettingsdagen) as bezettingsdagen,
        sum(f.beschikbare_dagen) as beschikbare_dagen,
        sum(f.verzuimdagen_kort) as verzuimdagen_kort,
        sum(f.verzuimdagen_middellang) as verzuimdagen_middellang,
        sum(f.verzuimdagen_lang) as verzuimdagen_lang,
        sum(f.verzuimdagen_extra_lang) as verzuimdagen_extra_lang,
        sum(f.verzuimdagen_ongeval) as verzuimdagen_ongeval,
        sum(f.meldingen) as meldingen,
        sum(f.meldingen_ongeval) as meldingen_ongeval,
        sum(f.beeindigd) as beeindigd,
        sum(f.beeindigd_duur) as beeindigd_duur,
        sum(f.beeindigd_kort) as beeindigd_kort,
        sum(f.beeindigd_middellang) as beeindigd_middellang,
        sum(f.beeindigd_lang) as beeindigd_lang,
        sum(f.beeindigd_extra_lang) as beeindigd_extra_lang,
        sum(f.nul_medewerkers) as nul_medewerkers,
        sum(f.nul_zonder_verzuim) as nul_zonder_verzuim,
        sum(f.eind_in_dienst) filter (where f.maand = pm.laatste_maand) as eind_in_dienst,
        sum(f.frequent) filter (where f.maand = pm.laatste_maand) as frequent,
        sum(f.open_einde) filter (where f.maand = pm.laatste_maand) as open_einde,
        sum(f.langdurig) filter (where f.maand = pm.laatste_maand) as langdurig,
        sum(f.voorbij_week42) filter (where f.maand = pm.laatste_maand) as voorbij_week42,
        sum(f.voorbij_week52) filter (where f.maand = pm.laatste_maand) as voorbij_week52,
        sum(f.voorbij_week91) filter (where f.maand = pm.laatste_maand) as voorbij_week91
    from perioden_maanden as pm
    inner join feit as f on f.maand = pm.maand
    inner join groepen as g on g.eenheid = f.eenheid
    where
        (len($leeftijdsklassen) = 0 or list_contains($leeftijdsklassen, f.lk))
        and (len($geslachten) = 0 or list_contains($geslachten, f.gs))
        and (len($schaalgroepen) = 0 or list_contains($schaalgroepen, f.sg))
    group by pm.periode_id, g.groep, f.lk, f.gs, f.sg
)

select * from final
