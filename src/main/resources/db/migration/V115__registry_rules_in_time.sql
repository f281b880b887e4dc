-- The law in time (issue 19, part A). Rule versions before 2011 so a scheme founded earlier is checked
-- against the rules then in force; the acts a metropolitan area and a RAP really require; and El
-- Salvador after Decreto Legislativo 762: from 1 May 2024 a district has no legal personality, so only
-- the municipality can be a member. Each version cites the article it enforces; docs/guia/registro.md
-- says which details were assumed where the sources are silent.

-- Acts the rules below ask for: the popular consultation that forms a metropolitan area (Ley 1625 de
-- 2013) and the prior opinion of the Senate's commission on territorial planning that a RAP needs.
alter table legal_act drop constraint legal_act_type_check;
alter table legal_act add constraint legal_act_type_check check (type in ('COUNCIL_AUTHORISATION',
    'DEPARTMENTAL_ORDINANCE', 'ASSEMBLY_AUTHORISATION', 'CONSTITUTION_ACT', 'STATUTES', 'STATUTES_REFORM',
    'ASSOCIATION_AGREEMENT', 'REGISTRATION', 'LIQUIDATION', 'POPULAR_CONSULTATION', 'SENATE_COMMISSION_OPINION'));

-- A metropolitan area rests on Const. art. 319 and Ley 1625 de 2013; art. 15 of Ley 1454 governs
-- associations *of* metropolitan areas (the DNP slide's conflation, carried into V8, is corrected).
update legal_figure set reference = 'Constitución Política, art. 319; Ley 1625 de 2013'
 where country = 'CO' and code = 'AREA_METROPOLITANA';
update legal_figure set reference = 'Ley 1454 de 2011, art. 30; Ley 1962 de 2019'
 where country = 'CO' and code = 'REGION_ADMINISTRATIVA_PLANIFICACION';
update legal_figure set reference = 'Código Municipal (Decreto 274 de 1986), arts. 11–15; Decreto 762 de 2023 desde 2024-05-01'
 where country = 'SV' and code = 'ASOCIACION_MUNICIPIOS';

insert into legal_rule (country, figure_code, rule, severity, parameter, reference, valid_from) values
 -- Colombia, associations of municipalities before Ley 1454: the Código de Régimen Municipal (Decreto
 -- 1333 of 25 April 1986, codifying Ley 1 de 1975), then Ley 136 of 2 June 1994.
 ('CO', 'ASOCIACION_MUNICIPIOS', 'MIN_MEMBERS', 'ERROR', '2', 'Decreto 1333 de 1986, título «Asociaciones de municipios» (Ley 1 de 1975, art. 1)', '1986-04-25'),
 ('CO', 'ASOCIACION_MUNICIPIOS', 'MEMBER_LEVEL', 'ERROR', 'MUNICIPALITY', 'Decreto 1333 de 1986, título «Asociaciones de municipios» (Ley 1 de 1975, art. 1)', '1986-04-25'),
 ('CO', 'ASOCIACION_MUNICIPIOS', 'REQUIRED_ACTS', 'WARNING', 'COUNCIL_AUTHORISATION,STATUTES', 'Decreto 1333 de 1986, título «Asociaciones de municipios» (Ley 1 de 1975, art. 3: estatutos propios)', '1986-04-25'),
 ('CO', 'ASOCIACION_MUNICIPIOS', 'MIN_MEMBERS', 'ERROR', '2', 'Ley 136 de 1994, art. 148', '1994-06-02'),
 ('CO', 'ASOCIACION_MUNICIPIOS', 'MEMBER_LEVEL', 'ERROR', 'MUNICIPALITY', 'Ley 136 de 1994, art. 148', '1994-06-02'),
 ('CO', 'ASOCIACION_MUNICIPIOS', 'FUNCTIONAL_TERRITORY', 'WARNING', null, 'Ley 136 de 1994, art. 148', '1994-06-02'),
 ('CO', 'ASOCIACION_MUNICIPIOS', 'REQUIRED_ACTS', 'ERROR', 'COUNCIL_AUTHORISATION,ASSOCIATION_AGREEMENT,STATUTES', 'Ley 136 de 1994, arts. 148–150', '1994-06-02'),
 -- Metropolitan areas: formed by a popular consultation in the municipalities, then protocolised by
 -- the mayors and the councils' presidents (Ley 1625 de 2013, arts. 8–10), not by council acts.
 ('CO', 'AREA_METROPOLITANA', 'REQUIRED_ACTS', 'ERROR', 'POPULAR_CONSULTATION,CONSTITUTION_ACT', 'Ley 1625 de 2013, arts. 8–10', '2013-04-29'),
 -- RAP: art. 30 of Ley 1454 as rewritten by art. 4 of Ley 1962 of 28 June 2019: the governors of two or
 -- more departments constitute it with their assemblies' authorisation and the prior opinion of the
 -- Senate's Comisión de Ordenamiento Territorial. The contiguity of V8 is kept (docs/guia/registro.md).
 ('CO', 'REGION_ADMINISTRATIVA_PLANIFICACION', 'MIN_MEMBERS', 'ERROR', '2', 'Ley 1454 de 2011, art. 30, modificado por la Ley 1962 de 2019, art. 4', '2019-06-28'),
 ('CO', 'REGION_ADMINISTRATIVA_PLANIFICACION', 'MEMBER_LEVEL', 'ERROR', 'DEPARTMENT', 'Ley 1454 de 2011, art. 30, modificado por la Ley 1962 de 2019, art. 4', '2019-06-28'),
 ('CO', 'REGION_ADMINISTRATIVA_PLANIFICACION', 'CONTIGUITY', 'ERROR', null, 'Ley 1454 de 2011, art. 30, modificado por la Ley 1962 de 2019, art. 4', '2019-06-28'),
 ('CO', 'REGION_ADMINISTRATIVA_PLANIFICACION', 'REQUIRED_ACTS', 'ERROR', 'ASSEMBLY_AUTHORISATION,SENATE_COMMISSION_OPINION,CONSTITUTION_ACT', 'Ley 1454 de 2011, art. 30, modificado por la Ley 1962 de 2019, art. 4', '2019-06-28'),
 -- El Salvador after the reform: the 44 municipalities are the legal units; a district (one of the 262
 -- former municipalities) has no council or mayor of its own and is not a member. MIN_MEMBERS counts
 -- legal units (the validator counts each district as its municipality).
 ('SV', 'ASOCIACION_MUNICIPIOS', 'MEMBER_LEVEL', 'ERROR', 'MUNICIPALITY', 'Código Municipal, art. 11; Decreto 762 de 2023 (Ley Especial para la Reestructuración Municipal), desde el 1 de mayo de 2024', '2024-05-01'),
 ('SV', 'ASOCIACION_MUNICIPIOS', 'MIN_MEMBERS', 'ERROR', '2', 'Código Municipal, art. 11: dos o más municipios; Decreto 762 de 2023, desde el 1 de mayo de 2024', '2024-05-01');

-- A scheme's registration with the national authority that keeps the register of schemes (Colombia:
-- the Ministry of the Interior, Ley 1955 de 2019 art. 249): its number and date; a scheme may be
-- registered again (a new number after a reform), so each registration is kept.
create table scheme_registration (
    id            bigint generated by default as identity primary key,
    scheme_id     bigint      not null references scheme (id),
    authority     text        not null check (length(authority) between 1 and 200),
    number        text        not null check (length(number) between 1 and 40),
    registered_on date        not null,
    notes         text        check (length(notes) <= 2000),
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now(),
    unique (scheme_id, authority, number)
);
create index scheme_registration_scheme_idx on scheme_registration (scheme_id, registered_on desc, id desc);
