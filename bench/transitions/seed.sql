-- Seeds the dossier benchmark's scheme (:scheme, 20 members already joined through the API): 400
-- projects with 3 beneficiaries each, 2 financing lines and a progress report each, 200 open needs,
-- 30 goals with 8 measurements each, 5 member development-plan links. Prints the counts.
\set ON_ERROR_STOP on
create temporary table m as
  select unit_code, row_number() over (order by unit_code) - 1 as i from membership where scheme_id = :scheme;

insert into project (scheme_id, code, name, sector, description, stage, stage_since, cost, currency)
select :scheme, 'P-' || lpad(g::text, 4, '0'), 'Proyecto regional ' || g || ' de ' ||
       (array['vías terciarias', 'agua potable', 'electrificación rural', 'residuos sólidos', 'vivienda rural'])[1 + g % 5],
       (array['TRANSPORT', 'WATER', 'ENERGY', 'ENVIRONMENT', 'HOUSING'])[1 + g % 5], 'Proyecto sembrado para el benchmark',
       (array['IDEA', 'PROFILE', 'PRE_INVESTMENT', 'FORMULATED', 'VIABLE', 'APPROVED', 'CONTRACTED', 'IN_EXECUTION', 'FINISHED'])[1 + g % 9],
       date '2024-01-01' + (g % 600), 100000000 + g * 1000000, 'COP'
from generate_series(1, 400) g;

insert into project_beneficiary (project_id, unit_code, people)
select p.id, m.unit_code, 500 + (p.id % 7) * 100
from project p join m on m.i in (p.id % 20, (p.id + 7) % 20, (p.id + 13) % 20)
where p.scheme_id = :scheme;

insert into financing_line (project_id, source_type, entity, amount, currency, committed_on)
select p.id, s.source, s.entity, p.cost / 2, 'COP', p.stage_since
from project p cross join (values ('NATION', 'Ministerio de Transporte'), ('ROYALTIES_SGR', 'OCAD Paz')) s(source, entity)
where p.scheme_id = :scheme;

insert into project_report (project_id, reported_on, physical_percent, financial_percent, text, recorded_by)
select p.id, p.stage_since + 30, (p.id % 100), (p.id % 90), 'Avance sembrado', 'bench'
from project p where p.scheme_id = :scheme;

insert into investment_need (scheme_id, unit_code, sector, description, priority, origin, created_by)
select :scheme, m.unit_code, 'Vías', 'Necesidad ' || g || ' de la vereda ' || (g % 37), 1 + g % 5, 'COMMUNITY_WORKSHOP', 'bench'
from generate_series(1, 200) g join m on m.i = g % 20;

insert into plan_goal (scheme_id, name, indicator, unit, baseline, target, periodicity, starts_on, due_on, source,
                       responsible, created_by)
select :scheme, 'Meta ' || g, 'Indicador ' || g, 'unidades', 0, 100 + g,
       (array['MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'YEARLY'])[1 + g % 4], date '2024-01-01', date '2032-12-31',
       'Informe', 'Dirección', 'bench'
from generate_series(1, 30) g;

insert into goal_measurement (goal_id, measured_on, value, recorded_by)
select g.id, date '2024-03-01' + k * 90, k * 5 + g.id % 3, 'bench'
from plan_goal g cross join generate_series(0, 7) k where g.scheme_id = :scheme;

insert into goal_link (goal_id, kind, reference, unit_code)
select g.id, 'MEMBER_DEVELOPMENT_PLAN', 'Plan de desarrollo 2024-2027', m.unit_code
from (select id, row_number() over (order by id) - 1 as i from plan_goal where scheme_id = :scheme) g
join m on m.i = g.i where g.i < 5;

select (select count(*) from membership where scheme_id = :scheme) as members,
       (select count(*) from project where scheme_id = :scheme) as projects,
       (select count(*) from investment_need where scheme_id = :scheme) as needs,
       (select count(*) from plan_goal where scheme_id = :scheme) as goals;
