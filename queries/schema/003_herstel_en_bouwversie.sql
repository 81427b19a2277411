-- migration 3: a restore records which import it undid; the store remembers which version of
-- the derived-table SQL built its facts, so that a changed build is redone on the next open
alter table import_log add column hersteld_import integer;
create table bouwversie (sha256 varchar not null);
