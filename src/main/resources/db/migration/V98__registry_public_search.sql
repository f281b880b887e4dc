-- Issue 17 (public portal): visitors look a scheme up by its name as they say it, without accents
-- ("Asomunicipios", "catatumbo", "balsamo"). unaccent() is only stable (its dictionary could change),
-- so an immutable wrapper names the dictionary explicitly and can feed a generated column; a trigram
-- index serves "contains" searches on it.
create extension if not exists pg_trgm;

create or replace function minga_fold(value text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

alter table scheme add column search_name text
    generated always as (minga_fold(name || ' ' || coalesce(acronym, ''))) stored;
create index scheme_search_name_trgm on scheme using gin (search_name gin_trgm_ops);

