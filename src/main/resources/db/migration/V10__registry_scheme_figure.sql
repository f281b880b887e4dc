-- The legal figure a scheme takes (null while it is still being decided, in formation).
alter table scheme add column figure text;
alter table scheme add foreign key (country, figure) references legal_figure (country, code);
