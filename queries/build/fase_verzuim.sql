-- grain: one row per absence phase that counts as absence (pregnancy left out) and block of
-- months it reaches into
-- answers: the phase's days up to the peildatum, its percentage and kind, and the first day of
-- its spell (d0, from which the duration class of each day follows); stored by block
create or replace temp table fase_verzuim as
select f.mw, f.begin, f.eind, f.p2, f.soort, m.d0, b.blok
from fase as f
inner join melding as m on m.melding = f.melding
inner join maandblok as b on f.begin <= b.eind and f.eind >= b.van
where f.soort <> 'zwangerschap'
order by b.blok
