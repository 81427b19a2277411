-- grain: one row per absence spell (pregnancy excluded) and block of months it reaches into
-- answers: the spells that may be open at the end of a month of the block (first and last day
-- up to the peildatum), for the Poortwachter counts; stored by block
create or replace temp table melding_blok as
select m.mw, m.d0, m.dl, b.blok
from melding as m
inner join maandblok as b on m.d0 <= b.eind and m.dl >= b.van
where m.soort <> 'zwangerschap'
order by b.blok
