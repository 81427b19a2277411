-- grain: none (drops the build's temporary tables once the facts are built)
-- answers: frees the memory and temporary disk space of the intermediate steps
drop table if exists temp.maandblok;
drop table if exists temp.reeks;
drop table if exists temp.reeks_middellang;
drop table if exists temp.melding_blok;
drop table if exists temp.melding_start_blok;
drop table if exists temp.fase_verzuim;
drop table if exists temp.kalender_blok;
drop table if exists temp.dienst_maand;
drop table if exists temp.verzuim_dag;
drop table if exists temp.medewerker_maand_los;
drop table if exists temp.feit_bezetting;
drop table if exists temp.feit_medewerkers;
drop table if exists temp.feit_verzuim;
drop table if exists temp.feit_meldingen;
drop table if exists temp.feit_beeindigd;
