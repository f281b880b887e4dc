-- The acts a figure requires before a scheme is constituted (Ley 1454 de 2011: each mayor authorised
-- by the council, the agreement and statutes for an association; a departmental ordinance for a
-- province; departmental assemblies for associations of departments and RAPs). A council
-- authorisation is required of every member.
alter table legal_rule drop constraint legal_rule_rule_check;
alter table legal_rule add constraint legal_rule_rule_check check (rule in ('MIN_MEMBERS', 'MEMBER_LEVEL',
    'MEMBER_FIGURE', 'CONTIGUITY', 'SAME_DEPARTMENT', 'CORE_REQUIRED', 'FUNCTIONAL_TERRITORY', 'REQUIRED_ACTS', 'NONE'));
insert into legal_rule (country, figure_code, rule, severity, parameter, reference, valid_from) values
 ('CO', 'ASOCIACION_MUNICIPIOS', 'REQUIRED_ACTS', 'ERROR', 'COUNCIL_AUTHORISATION,ASSOCIATION_AGREEMENT,STATUTES', 'Ley 1454 de 2011, art. 14', '2011-06-28'),
 ('CO', 'ASOCIACION_DEPARTAMENTOS', 'REQUIRED_ACTS', 'ERROR', 'ASSEMBLY_AUTHORISATION,ASSOCIATION_AGREEMENT,STATUTES', 'Ley 1454 de 2011, art. 12', '2011-06-28'),
 ('CO', 'PROVINCIA_ADMINISTRATIVA_PLANIFICACION', 'REQUIRED_ACTS', 'ERROR', 'COUNCIL_AUTHORISATION,DEPARTMENTAL_ORDINANCE', 'Ley 1454 de 2011, art. 16', '2011-06-28'),
 ('CO', 'REGION_ADMINISTRATIVA_PLANIFICACION', 'REQUIRED_ACTS', 'ERROR', 'ASSEMBLY_AUTHORISATION,CONSTITUTION_ACT', 'Ley 1454 de 2011, art. 30', '2011-06-28'),
 ('SV', 'ASOCIACION_MUNICIPIOS', 'REQUIRED_ACTS', 'WARNING', 'COUNCIL_AUTHORISATION,STATUTES', 'Código Municipal, arts. 12–14', '1986-01-31');
