-- migration 7: the consultation in which an agreement was closed (afgerond or vervallen), so that
-- a meeting shows the agreements carried to it and those closed in it (afspraken.lopend_voor)
alter table afspraak add column if not exists afgesloten_in date;
