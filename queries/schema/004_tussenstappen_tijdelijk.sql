-- migration 4: the period-months and absence pieces the facts are built from are temporary
-- tables of one block of months now (build/dienst_maand, build/verzuim_dag); the copies that
-- older versions kept in the store are no longer read
drop table if exists main.dienst_maand;
drop table if exists main.verzuim_dag;
