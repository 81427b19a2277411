-- grain: one row per employee and month with at least one in-service day
-- answers: the unit and attributes of the last in-service day of the month, whether that day is
-- the month's last day, and whether any in-service day of the month had absence (w > 0). Filled
-- block by block (medewerker_maand_blok), in order of month and unit, so that a query for a few
-- months or units reads only their row groups
create or replace table medewerker_maand (
    mw integer,
    maand date,
    en integer,
    attr smallint,
    einde boolean,
    afwezig boolean
)
