-- The formation route of a new scheme (DNP, "Esquemas asociativos", 2014: three methodological
-- moments) and the pertinence questions asked before forming one (RINDE; Asomunicipios'
-- integrating elements). The moments, deliverables and questions are data, quoted from the
-- sources; what each scheme has done is kept per scheme.

create table formation_moment (
    number    integer primary key check (number between 1 and 9),
    name      text not null,
    objective text not null,
    duration  text not null,
    source    text not null
);

create table formation_deliverable (
    code     text primary key,
    moment   integer not null references formation_moment (number),
    position integer not null,
    name     text    not null,
    goal     text    not null,
    source   text    not null,
    unique (moment, position)
);

-- A scheme's work on one deliverable; no row means PENDING with nothing recorded.
create table formation_progress (
    scheme_id   bigint      not null references scheme (id),
    deliverable text        not null references formation_deliverable (code),
    status      text        not null check (status in ('PENDING', 'IN_PROGRESS', 'DONE')),
    notes       text,
    evidence    text,
    done_on     date,
    done_by     text,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null,
    primary key (scheme_id, deliverable),
    check ((status = 'DONE') = (done_on is not null))
);

-- A unit expected to join, and whether its council (concejo) authorised its mayor.
create table formation_prospect (
    scheme_id     bigint not null references scheme (id),
    unit_code     text   not null,
    authorisation text   not null default 'PENDING' check (authorisation in ('PENDING', 'AUTHORISED', 'REFUSED')),
    act_number    text,
    act_date      date,
    added_at      timestamptz not null default now(),
    primary key (scheme_id, unit_code)
);

create table pertinence_question (
    code       text primary key,
    position   integer not null unique,
    question   text    not null,
    -- The answer that speaks for forming the scheme: YES, except for overlap.
    favourable text    not null check (favourable in ('YES', 'NO')),
    source     text    not null
);

create table pertinence_answer (
    scheme_id     bigint      not null references scheme (id),
    question      text        not null references pertinence_question (code),
    answer        text        not null check (answer in ('YES', 'NO', 'PARTLY')),
    justification text        not null,
    answered_by   text        not null,
    answered_at   timestamptz not null default now(),
    primary key (scheme_id, question)
);

insert into formation_moment (number, name, objective, duration, source) values
(1, 'Construyendo las bases: aprestamiento',
 'Generar las condiciones políticas, sociales, culturales, técnicas y financieras para adelantar el proceso de conformación de la iniciativa.',
 'Dos meses', 'dnp-2014 L344–353'),
(2, 'Pensando el futuro: visión',
 'Formular una visión compartida de desarrollo territorial que oriente los procesos de planeación y gestión de los actores del territorio.',
 'Tres meses', 'dnp-2014 L359–372'),
(3, 'Transformando la región / subregión: la estrategia de gestión',
 'Formular e implementar los programas, proyectos e instrumentos necesarios para la transformación del territorio de acuerdo con los resultados de la visión.',
 'Abierto', 'dnp-2014 L401–416');

insert into formation_deliverable (code, moment, position, name, goal, source) values
('ACUERDO_VOLUNTADES', 1, 1, 'Acuerdo de voluntades', 'Voluntad política', 'dnp-2014 L350'),
('JUSTIFICACION', 1, 2, 'Justificación', 'Condiciones socioeconómicas', 'dnp-2014 L351'),
('PERFIL', 1, 3, 'Perfil', 'Condiciones socioeconómicas', 'dnp-2014 L351'),
('AGENDA', 1, 4, 'Agenda', 'Condiciones técnico-financieras', 'dnp-2014 L352'),
('RECURSOS_GRUPOS', 1, 5, 'Recursos y grupos', 'Condiciones técnico-financieras', 'dnp-2014 L352'),
('SOCIOGRAMA', 1, 6, 'Sociograma', 'Productos', 'dnp-2014 L353'),
('RIESGOS', 1, 7, 'Riesgos', 'Productos', 'dnp-2014 L353'),
('PARTICIPACION_FORMACION', 1, 8, 'Participación y formación', 'Productos', 'dnp-2014 L353'),
('RECONOCIMIENTO_SUBREGION', 2, 1, 'Reconocimiento de la subregión', 'Identidad territorial', 'dnp-2014 L366'),
('PARTICIPACION_REDES', 2, 2, 'Participación y redes', 'Inclusión', 'dnp-2014 L368'),
('POTENCIALIDADES_CAPACIDADES', 2, 3, 'Potencialidades y capacidades', 'Desarrollo local', 'dnp-2014 L370'),
('VISION_COMPARTIDA', 2, 4, 'Visión prospectiva y modelo territorial', 'Resultado: visión compartida', 'dnp-2014 L361, L372'),
('APUESTAS_ESTRATEGICAS', 2, 5, 'Apuestas estratégicas', 'Resultado', 'dnp-2014 L372'),
('FIGURA_ASOCIATIVA', 3, 1, 'Figura asociativa', 'Institucional', 'dnp-2014 L408'),
('INSTANCIA_EJECUTORA', 3, 2, 'Instancia ejecutora', 'Institucional', 'dnp-2014 L408'),
('FORMALIZACION', 3, 3, 'Formalización', 'Institucional', 'dnp-2014 L408'),
('AGENDA_TERRITORIAL', 3, 4, 'Agenda territorial', 'Articulación', 'dnp-2014 L410'),
('AGENDA_FINANCIAMIENTO', 3, 5, 'Agenda de financiamiento', 'Financiación', 'dnp-2014 L412'),
('AGENDA_INSTRUMENTAL', 3, 6, 'Agenda instrumental', 'Instrumentos', 'dnp-2014 L414'),
('PARTICIPACION_INSTANCIAS', 3, 7, 'Instancias, procesos y comunicación', 'Participación', 'dnp-2014 L416');

insert into pertinence_question (code, position, question, favourable, source) values
('PERTINENTE', 1, '¿Es pertinente en términos políticos, económicos y sociales?', 'YES', 'rinde L127–129'),
('INTERES_MUNICIPIOS', 2, '¿Los municipios están realmente interesados en su conformación?', 'YES', 'rinde L130'),
('PROBLEMAS_CONCRETOS', 3, '¿Buscan resolver problemáticas o cumplir tareas con objetivos concretos?', 'YES', 'rinde L131'),
('RECEPTIVIDAD_POBLACION', 4, '¿Existe receptividad en la población a esta integración?', 'YES', 'rinde L132'),
('COSTO_MENOR', 5, '¿Genera menos costos que el problema que resuelve?', 'YES', 'rinde L103–105'),
('SUPERPOSICION', 6, '¿Se superpone con un esquema asociativo existente en lugar de complementarlo?', 'NO', 'rinde L115–117'),
('DINAMICAS_TERRITORIALES', 7, '¿Reconoce las dinámicas territoriales (elementos geográficos, económicos, sociales o de conflicto)?', 'YES', 'rinde L121–123'),
('FORTALECIMIENTO', 8, '¿Su funcionamiento contribuirá a mejorar indicadores concretos del desarrollo en el territorio (vías terciarias, servicios públicos, educación, cadenas productivas, salud)?', 'YES', 'rinde L152–154'),
('LIDERAZGO', 9, '¿La iniciativa proviene de los alcaldes que van a conformar el esquema?', 'YES', 'rinde L158–160'),
('HOMOGENEIDAD', 10, '¿Hay homogeneidad geográfica, ambiental y productiva entre los municipios?', 'YES', 'catatumbo L339–343'),
('IDENTIDAD', 11, '¿Comparten una identidad sociocultural?', 'YES', 'catatumbo L345–349'),
('CONECTIVIDAD_VIAL', 12, '¿Las vías permiten el acceso y el intercambio entre los municipios?', 'YES', 'catatumbo L351–355'),
('RELACIONES_COMERCIALES', 13, '¿Mantienen relaciones comerciales entre sí?', 'YES', 'catatumbo L357–361');
