-- 5,000 schemes (4 in 5 Colombian), 20 members each = 100,000 memberships of real units (one in ten
-- has left), two competences each. Written straight to the tables: the benchmark measures reading.
insert into scheme (name, acronym, country, figure, status, founded_on)
select 'Esquema de banco ' || lpad(g::text, 4, '0'), 'EB' || g,
       case when g % 5 = 0 then 'SV' else 'CO' end,
       case when g % 5 = 0 then 'ASOCIACION_MUNICIPIOS'
            else (array['ASOCIACION_MUNICIPIOS', 'PROVINCIA_ADMINISTRATIVA_PLANIFICACION', 'AREA_METROPOLITANA'])[1 + g % 3] end,
       (array['IN_FORMATION', 'CONSTITUTED', 'ACTIVE', 'INACTIVE'])[1 + g % 4],
       date '1990-01-01' + g
from generate_series(1, 5000) g;

create temporary table unit_pool as
select country, code, parent_code as department,
       row_number() over (partition by country order by code) - 1 as n,
       count(*) over (partition by country) as total
from territorial_unit
where valid_to is null and ((country = 'CO' and level = 'MUNICIPALITY') or (country = 'SV' and level = 'DISTRICT'));
create index on unit_pool (country, n);

insert into membership (scheme_id, unit_code, role, joined_on, left_on, department_code, seats)
select s.id, u.code, 'MEMBER', date '2010-01-01' + i, case when i % 10 = 0 then date '2020-01-01' end,
       case when s.country = 'CO' then u.department end, 1
from scheme s
cross join generate_series(1, 20) i
join unit_pool u on u.country = s.country
 and u.n = (s.id * 37 + i) % (select max(total) from unit_pool p where p.country = s.country)
where s.name like 'Esquema de banco %';

insert into scheme_competence (scheme_id, competence_code, added_on)
select s.id, c.code, date '2015-01-01'
from scheme s
join lateral (select code from competence order by code offset (s.id % 18) limit 2) c on true
where s.name like 'Esquema de banco %';

analyze scheme;
analyze membership;
analyze scheme_competence;
select (select count(*) from scheme) as schemes, (select count(*) from membership) as memberships;
