-- Funding calls, projects and needs that Minga itself wrote with its former theme codes (TRANSPORT, HOUSING…:
-- the demo, calls made from the old checkboxes) now name the national catalogue's sector (V132), so a call's
-- sectors and a project's sector meet again. Colombia by the MGA/DNP sector each theme falls in (water and
-- sanitation are programme 4003 of sector 40, tourism is sector 35); El Salvador by the budget's área de
-- gestión (social services to "Desarrollo social", production and infrastructure to "Apoyo al desarrollo
-- económico"). Cooperants keep their themes. Any other text stays as it was typed.
create temporary table theme_sector (country_code char(2), theme text, name text) on commit drop;
insert into theme_sector (country_code, theme, name) values
    ('CO', 'TRANSPORT', 'Transporte'),
    ('CO', 'WATER_SANITATION', 'Vivienda, ciudad y territorio'),
    ('CO', 'HOUSING', 'Vivienda, ciudad y territorio'),
    ('CO', 'ENERGY', 'Minas y energía'),
    ('CO', 'AGRICULTURE', 'Agricultura y desarrollo rural'),
    ('CO', 'ENVIRONMENT', 'Ambiente y desarrollo sostenible'),
    ('CO', 'EDUCATION', 'Educación'),
    ('CO', 'HEALTH', 'Salud y protección social'),
    ('CO', 'TOURISM', 'Comercio, industria y turismo'),
    ('CO', 'ICT', 'Tecnologías de la información y las comunicaciones'),
    ('CO', 'INSTITUTIONAL', 'Gobierno territorial'),
    ('CO', 'PEACE', 'Inclusión social y reconciliación'),
    ('SV', 'TRANSPORT', 'Apoyo al desarrollo económico'),
    ('SV', 'WATER_SANITATION', 'Desarrollo social'),
    ('SV', 'HOUSING', 'Desarrollo social'),
    ('SV', 'ENERGY', 'Apoyo al desarrollo económico'),
    ('SV', 'AGRICULTURE', 'Apoyo al desarrollo económico'),
    ('SV', 'ENVIRONMENT', 'Desarrollo social'),
    ('SV', 'EDUCATION', 'Desarrollo social'),
    ('SV', 'HEALTH', 'Desarrollo social'),
    ('SV', 'TOURISM', 'Apoyo al desarrollo económico'),
    ('SV', 'ICT', 'Apoyo al desarrollo económico'),
    ('SV', 'INSTITUTIONAL', 'Conducción administrativa'),
    ('SV', 'PEACE', 'Administración de justicia y seguridad ciudadana');

update funding_call c set sectors = (
    select array_agg(distinct coalesce(t.name, s)) from unnest(c.sectors) as s
    left join theme_sector t on t.country_code = c.country and t.theme = s)
where exists (select 1 from unnest(c.sectors) as s join theme_sector t on t.country_code = c.country and t.theme = s);

update project p set sector = t.name
from scheme sc, theme_sector t
where sc.id = p.scheme_id and t.country_code = sc.country and t.theme = p.sector;

update investment_need n set sector = t.name
from scheme sc, theme_sector t
where sc.id = n.scheme_id and t.country_code = sc.country and t.theme = n.sector;
