-- The national catalogues of investment sectors a project is classified in (issue 20, "forms for people").
--
-- Colombia (CO): the sectors of the DNP's programmatic classification that the MGA (Metodología General
-- Ajustada, MGA Web) and the SUIFP use for every public investment project: the two-digit sector code that
-- opens each programme and product code of the DNP "Catálogo de Productos de la MGA" (e.g. programme 2402,
-- "Infraestructura red vial regional", is sector 24 Transporte; 4003, "Acceso de la población a los servicios
-- de agua potable y saneamiento básico", is sector 40 Vivienda, ciudad y territorio). Written from the DNP's
-- published catalogue; the project's sources (shared/sources) do not carry the list.
--
-- El Salvador (SV): no sector catalogue for municipal investment matches the MGA's. The nearest official
-- classification is the functional one of the Ley de Presupuesto General del Estado, its "áreas de gestión";
-- the catalogue holds the five areas an investment project can belong to, leaving out 5 "Deuda pública" and
-- 6 "Obligaciones generales del Estado", which hold no projects.
--
-- A project keeps the sector's NAME in project.sector (text, as before): the lists, exports, the
-- observatory's "investment by sector" and funding calls go on reading one text. Forms, the API and imports
-- take a name or a code (accents and case aside) and store the name; a value typed before the catalogue stays
-- as it was and is kept on edit. Values already equal to a name or a code are written as the name below.
create table investment_sector (
    country_code char(2) not null check (country_code in ('CO', 'SV')),
    code         text    not null check (code ~ '^\d{1,2}$'),
    name         text    not null,
    primary key (country_code, code),
    unique (country_code, name)
);

insert into investment_sector (country_code, code, name) values
    ('CO', '02', 'Presidencia de la República'),
    ('CO', '03', 'Planeación'),
    ('CO', '04', 'Información estadística'),
    ('CO', '05', 'Empleo público'),
    ('CO', '12', 'Justicia y del derecho'),
    ('CO', '13', 'Hacienda'),
    ('CO', '15', 'Defensa y policía'),
    ('CO', '17', 'Agricultura y desarrollo rural'),
    ('CO', '19', 'Salud y protección social'),
    ('CO', '21', 'Minas y energía'),
    ('CO', '22', 'Educación'),
    ('CO', '23', 'Tecnologías de la información y las comunicaciones'),
    ('CO', '24', 'Transporte'),
    ('CO', '32', 'Ambiente y desarrollo sostenible'),
    ('CO', '33', 'Cultura'),
    ('CO', '35', 'Comercio, industria y turismo'),
    ('CO', '36', 'Trabajo'),
    ('CO', '37', 'Interior'),
    ('CO', '39', 'Ciencia, tecnología e innovación'),
    ('CO', '40', 'Vivienda, ciudad y territorio'),
    ('CO', '41', 'Inclusión social y reconciliación'),
    ('CO', '43', 'Deporte y recreación'),
    ('CO', '44', 'Igualdad y equidad'),
    ('CO', '45', 'Gobierno territorial'),
    ('SV', '1', 'Conducción administrativa'),
    ('SV', '2', 'Administración de justicia y seguridad ciudadana'),
    ('SV', '3', 'Desarrollo social'),
    ('SV', '4', 'Apoyo al desarrollo económico'),
    ('SV', '7', 'Producción empresarial pública');

-- Projects whose sector already names a sector of their scheme's country (or gives its code) take its name.
update project p set sector = s.name
from scheme sc, investment_sector s
where sc.id = p.scheme_id and s.country_code = sc.country
  and (minga_fold(p.sector) = minga_fold(s.name) or p.sector = s.code)
  and p.sector <> s.name;
