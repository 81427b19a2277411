-- migration 5: an agreement of the monthly consultation gets a deadline (optional: 'uiterlijk')
alter table afspraak add column if not exists deadline date;
