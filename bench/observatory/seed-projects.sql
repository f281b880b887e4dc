-- 100,000 projects over the 5,000 schemes of bench/registry/seed.sql (20 each), with two financing
-- lines each (200,000), spread over 2016-2025, 12 sectors and 12 stages; some schemes liquidated and
-- dissolved per year. Written straight to the tables: the benchmark measures reading.
insert into project (scheme_id, code, name, sector, description, stage, stage_since, cost, currency)
select s.id, 'OB-' || lpad(g::text, 2, '0'), 'Proyecto de banco ' || s.id || '-' || g,
       (array['TRANSPORT', 'WATER_SANITATION', 'HOUSING', 'ENERGY', 'AGRICULTURE', 'ENVIRONMENT', 'EDUCATION',
              'HEALTH', 'TOURISM', 'ICT', 'INSTITUTIONAL', 'PEACE'])[1 + (s.id + g) % 12],
       'Proyecto sembrado para la prueba de carga del observatorio',
       (array['IDEA', 'PROFILE', 'PRE_INVESTMENT', 'FORMULATED', 'VIABLE', 'APPROVED', 'CONTRACTED', 'IN_EXECUTION',
              'FINISHED', 'CLOSED', 'SUSPENDED', 'DISCARDED'])[1 + g % 12],
       date '2016-01-01' + ((g * 7 + s.id) % 3650)::int,
       100000000::numeric + (g % 97) * 25000000::numeric, case when s.country = 'SV' then 'USD' else 'COP' end
from scheme s
cross join generate_series(1, 20) g
where s.name like 'Esquema de banco %';

insert into financing_line (project_id, source_type, entity, amount, currency, committed_on, disbursed)
select p.id, (array['MEMBER_MUNICIPALITY', 'DEPARTMENT', 'NATION', 'ROYALTIES_SGR', 'INTERNATIONAL_COOPERATION',
                    'OWN'])[1 + (p.id + l) % 6],
       'Fuente ' || l, 5000000 + (p.id % 13) * 1000000 + l * 100000, p.currency,
       date '2016-01-01' + ((p.id * 3 + l * 37) % 3650)::int, 0
from project p
cross join generate_series(1, 2) l
where p.code like 'OB-%';

-- One scheme in 40 liquidated on a date between 2015 and 2024 (dissolutions per year).
update scheme set status = 'LIQUIDATED', status_since = date '2015-01-01' + (id % 3650)::int
where name like 'Esquema de banco %' and id % 40 = 0;

analyze project;
analyze financing_line;
analyze scheme;
select (select count(*) from scheme) as schemes, (select count(*) from membership) as memberships,
       (select count(*) from project) as projects, (select count(*) from financing_line) as financing_lines;
