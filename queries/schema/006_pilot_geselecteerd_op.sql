-- migration 6: why a pilot's units were chosen, as an explicit field (issue 10) instead of
-- keywords in the reason text: 'hoog verzuim', 'hoge meldingsfrequentie', 'enquete' or 'anders'.
-- Pilots stored before this field keep what the old keyword rule read in their reason.
alter table pilot add column geselecteerd_op varchar;

update pilot
set geselecteerd_op = case
    when regexp_matches(lower(selectie_reden), '(^|[^a-z])(hoog|hoogste|meeste|hoge|boven)([^a-z]|$)')
        then 'hoog verzuim'
    else 'anders'
end;
