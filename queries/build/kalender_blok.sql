-- grain: one row per calendar month of the block of months being built ($blok)
-- answers: which months the block steps (dienst_maand up to feit_blok) build now
create or replace temp table kalender_blok as
select k.maand, k.maand_eind, k.dagen, b.blok
from kalender as k
inner join maandblok as b on k.maand between b.van and b.tot
where b.blok = $blok
