-- Project bank benchmark data, written straight to the tables (the benchmark measures reading):
--   50 Colombian schemes of 20 real member municipalities each (1,000 memberships);
--   100,000 projects, 2,000 per scheme, spread over 2016-2025, 12 sectors and 12 stages;
--   300,000 beneficiaries (3 per project, among its scheme's 20 members);
--   1,000,000 financing lines (10 per project: members, department, nation, SGR, cooperation...);
--   120,000 contribution payments (monthly, every member, ten years).
-- The first scheme, "Esquema proyectos 01", is the one measured.
insert into scheme (name, acronym, country, figure, status, founded_on)
select 'Esquema proyectos ' || lpad(g::text, 2, '0'), 'EP' || g, 'CO', 'ASOCIACION_MUNICIPIOS', 'ACTIVE',
       date '2000-01-01' + g
from generate_series(1, 50) g;

create temporary table bench_scheme as
select id, row_number() over (order by id) as n from scheme where name like 'Esquema proyectos %';

create temporary table unit_pool as
select code, parent_code as department, row_number() over (order by code) - 1 as n
from territorial_unit
where country = 'CO' and level = 'MUNICIPALITY' and valid_to is null;

create temporary table bench_member as
select s.id as scheme_id, i - 1 as idx, u.code as unit_code, u.department
from bench_scheme s
cross join generate_series(1, 20) i
join unit_pool u on u.n = ((s.n - 1) * 20 + i - 1) % (select count(*) from unit_pool);
create index on bench_member (scheme_id, idx);

insert into membership (scheme_id, unit_code, role, joined_on, department_code, seats)
select scheme_id, unit_code, 'MEMBER', date '2012-01-01', department, 1 from bench_member;

insert into project (scheme_id, code, bpin, name, sector, description, stage, stage_since, cost, currency)
select s.id, 'P-' || lpad(g::text, 5, '0'), '2016' || lpad((s.n * 100000 + g)::text, 9, '0'),
       'Proyecto de banco ' || s.n || '-' || g,
       (array['TRANSPORT', 'WATER_SANITATION', 'HOUSING', 'ENERGY', 'AGRICULTURE', 'ENVIRONMENT', 'EDUCATION',
              'HEALTH', 'TOURISM', 'ICT', 'INSTITUTIONAL', 'PEACE'])[1 + g % 12],
       'Proyecto regional sembrado para la prueba de carga',
       (array['IDEA', 'PROFILE', 'PRE_INVESTMENT', 'FORMULATED', 'VIABLE', 'APPROVED', 'CONTRACTED', 'IN_EXECUTION',
              'FINISHED', 'CLOSED', 'SUSPENDED', 'DISCARDED'])[1 + (g / 12) % 12],
       date '2016-01-01' + ((g * 7 + s.n) % 3650)::int,
       100000000::numeric + (g % 97) * 25000000::numeric, 'COP'
from bench_scheme s
cross join generate_series(1, 2000) g;

insert into project_beneficiary (project_id, unit_code, families, people)
select p.id, m.unit_code, 50 + (p.id % 40), 200 + (p.id % 300)
from project p
join bench_scheme s on s.id = p.scheme_id
cross join (values (0), (7), (13)) k(o)
join bench_member m on m.scheme_id = p.scheme_id and m.idx = (p.id + k.o) % 20;

insert into financing_line (project_id, source_type, entity, unit_code, amount, currency, committed_on, disbursed)
select p.id,
       (array['MEMBER_MUNICIPALITY', 'MEMBER_MUNICIPALITY', 'MEMBER_MUNICIPALITY', 'MEMBER_MUNICIPALITY',
              'DEPARTMENT', 'NATION', 'ROYALTIES_SGR', 'INTERNATIONAL_COOPERATION', 'PRIVATE', 'OWN'])[l],
       case when l <= 4 then 'Municipio ' || b.unit_code else 'Fuente ' || l end,
       case when l <= 4 then b.unit_code end,
       5000000 + (p.id % 13) * 1000000 + l * 100000, 'COP',
       date '2016-01-01' + ((p.id * 3 + l * 37) % 3650)::int,
       case when l % 3 = 0 then 5000000 else 0 end
from project p
join bench_scheme s on s.id = p.scheme_id
cross join generate_series(1, 10) l
join lateral (select unit_code from project_beneficiary pb where pb.project_id = p.id
              order by unit_code offset (l % 3) limit 1) b on true;

-- Ten years of monthly contributions from every member of every scheme (120,000 payments), so
-- the equity computation reads contributions paid as well as benefits.
insert into contribution_payment (scheme_id, unit_code, paid_on, amount, currency, reference, recorded_by)
select m.scheme_id, m.unit_code, (date '2016-01-15' + make_interval(months => k))::date, 2500000, 'COP',
       'bench', 'bench'
from membership m join bench_scheme s on s.id = m.scheme_id
cross join generate_series(0, 119) k;

analyze contribution_payment;
analyze project;
analyze project_beneficiary;
analyze financing_line;
analyze membership;
select (select count(*) from scheme s join bench_scheme b using (id)) as schemes,
       (select count(*) from membership m join bench_scheme b on b.id = m.scheme_id) as memberships,
       (select count(*) from project p join bench_scheme b on b.id = p.scheme_id) as projects,
       (select count(*) from project_beneficiary pb join project p on p.id = pb.project_id
          join bench_scheme b on b.id = p.scheme_id) as beneficiaries,
       (select count(*) from financing_line f join project p on p.id = f.project_id
          join bench_scheme b on b.id = p.scheme_id) as financing_lines,
       (select min(committed_on) || ' .. ' || max(committed_on) from financing_line) as committed,
       (select count(*) from contribution_payment where reference = 'bench') as payments;
