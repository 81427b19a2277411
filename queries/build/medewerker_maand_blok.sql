-- grain: one row per employee and month of the block with at least one in-service day
-- answers: adds the block's rows to medewerker_maand, sorted (the blocks come in month order;
-- a sort of one block fits in memory, one of all months together did not)
insert into medewerker_maand by name
select mw, maand, en, attr, einde, afwezig
from medewerker_maand_los
order by maand, en
