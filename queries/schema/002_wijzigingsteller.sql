-- migration 2: a counter of small writes (pilots, agreements), part of the store version so that
-- cached views refresh after such a change as they do after an import
create table wijziging (teller bigint not null);
insert into wijziging values (0);
