-- 50,000 knowledge items of about 130 words each (title, context, lessons, body). Words are drawn
-- from 27,000 made-up three-syllable words, with one word in twenty taken from 60 words of the
-- field (accented and not), so a field word is in about 10 % of the items and two of them together
-- in about 1 %: the shape of a real base, where some searches match thousands of items. Seeded for
-- repeatability. The generated tsvector and the GIN index are built as the rows go in.
\set ON_ERROR_STOP on
select setseed(0.20261122);
create temporary table words as select
  array['participación', 'comunitaria', 'acueducto', 'veredal', 'vías', 'terciarias', 'asociación', 'municipios',
        'mancomunidad', 'alcaldía', 'concejo', 'planeación', 'ordenamiento', 'territorial', 'cooperación', 'proyectos',
        'financiación', 'regalías', 'electrificación', 'rural', 'campesinos', 'productores', 'cacao', 'café',
        'residuos', 'relleno', 'sanitario', 'catastro', 'predial', 'empalme', 'alcaldes', 'neutralidad', 'confianza',
        'gobernación', 'nación', 'paz', 'víctimas', 'jóvenes', 'mujeres', 'comunicación', 'visibilidad', 'equipo',
        'técnico', 'asamblea', 'junta', 'estatutos', 'convenio', 'aportes', 'cartera', 'equidad', 'servicios',
        'licencias', 'construcción', 'agua', 'saneamiento', 'educación', 'salud', 'turismo', 'ambiental', 'cuenca']
    as field,
  array['ca', 'ma', 'te', 'lo', 'ri', 'su', 'pa', 'de', 'no', 'vi', 'go', 'ra', 'le', 'mi', 'to', 'ba', 'ce', 'du',
        'fi', 'ja', 'ke', 'lu', 'ne', 'po', 'sa', 'ti', 'ur', 'ya', 'zo', 'be'] as syllable;

create function pg_temp.bench_text(n integer, seed integer) returns text language sql volatile as $$
  select string_agg(case when random() < 0.05 then w.field[1 + floor(random() * 60)::int]
                         else w.syllable[1 + floor(random() * 30)::int] || w.syllable[1 + floor(random() * 30)::int]
                              || w.syllable[1 + floor(random() * 30)::int] end, ' ')
  from words w, generate_series(1, n + seed * 0) $$;

insert into knowledge_item (kind, title, context, lessons, body, created_by)
select (array['EXPERIENCE', 'GOOD_PRACTICE', 'TECHNICAL_DOCUMENT'])[1 + g % 3],
       'Documento ' || g || ' ' || pg_temp.bench_text(6, g), pg_temp.bench_text(50, g), pg_temp.bench_text(25, g),
       pg_temp.bench_text(50, g), 'bench'
from generate_series(1, 50000) g;

insert into knowledge_tag (item_id, kind, code)
select id, 'FACTOR', 1 + id % 15 from knowledge_item where created_by = 'bench';
analyze knowledge_item;
analyze knowledge_tag;

select count(*) as items,
       count(*) filter (where search @@ websearch_to_tsquery('es_unaccent', 'participacion')) as participacion,
       count(*) filter (where search @@ websearch_to_tsquery('es_unaccent', 'participacion comunitaria')) as participacion_comunitaria,
       count(*) filter (where search @@ websearch_to_tsquery('es_unaccent', 'acueducto veredal cuenca')) as three_words
from knowledge_item;
