package org.minga.observatory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Minga's public datasets as a DCAT-AP catalogue in JSON-LD, so a national open-data portal can harvest
 * them: each dataset with its licence, the date of its data's last change (the last audited write of
 * its entity types; every write is audited) and the addresses of its files, all open to anonymous GETs.
 */
@Service
public class Catalog {

    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    /** A file of a dataset: its address (relative to the installation) and media type. */
    public record Distribution(String path, String format, String mediaType) {
    }

    /** A dataset: its identifier, title and description in Spanish, the entity types that date it, its files. */
    public record Dataset(String id, String title, String description, List<String> keywords, List<String> entities,
            List<Distribution> distributions) {
    }

    private static Distribution csv(String path) {
        return new Distribution(path, "CSV", "text/csv");
    }

    /** Every public dataset, in the catalogue's order. */
    public static List<Dataset> datasets() {
        List<Distribution> observatory = new ArrayList<>();
        for (String country : Observatory.COUNTRIES) {
            observatory.add(new Distribution("/api/v1/public/observatory?country=" + country, "JSON",
                    "application/json"));
            for (String table : Observatory.TABLES) {
                observatory.add(csv("/public/observatory/" + table + ".csv?country=" + country));
            }
        }
        return List.of(
                new Dataset("schemes", "Esquemas asociativos territoriales",
                        "Todos los esquemas del registro (Colombia y El Salvador): figura, estado, fundación, "
                                + "personería, sede, competencias y miembros en la fecha (?at=AAAA-MM-DD), con su "
                                + "perímetro en GeoJSON.",
                        List.of("asociatividad", "esquemas asociativos", "registro"), List.of("scheme"),
                        List.of(csv("/api/v1/registry/open-data/schemes.csv"), new Distribution(
                                "/api/v1/registry/open-data/schemes.geojson", "GeoJSON", "application/geo+json"))),
                new Dataset("memberships", "Membresías de los esquemas en una fecha",
                        "Los municipios, distritos, departamentos o esquemas miembros de cada esquema en la fecha "
                                + "pedida (?at=AAAA-MM-DD; hoy si se omite), con su límite en GeoJSON.",
                        List.of("membresías", "municipios"), List.of("membership"),
                        List.of(csv("/api/v1/registry/open-data/memberships.csv"), new Distribution(
                                "/api/v1/registry/open-data/memberships.geojson", "GeoJSON", "application/geo+json"))),
                new Dataset("acts", "Actos legales de los esquemas",
                        "Autorizaciones, estatutos, actas y demás actos registrados: tipo, número, fecha y quién "
                                + "los expidió.",
                        List.of("actos administrativos", "estatutos"), List.of("legal_act"),
                        List.of(csv("/api/v1/registry/open-data/acts.csv"))),
                new Dataset("projects", "Banco de proyectos de los esquemas",
                        "Los proyectos de los esquemas: sector, etapa, costo, ejecutor y su página pública; los que "
                                + "tienen ubicación también en GeoJSON; y en el estándar de datos para las "
                                + "contrataciones abiertas (OCDS 1.1, entregas de planeación).",
                        List.of("proyectos", "inversión", "OCDS"), List.of("project", "project_import"),
                        List.of(csv("/api/v1/open-data/projects.csv"),
                                new Distribution("/api/v1/open-data/projects.geojson", "GeoJSON", "application/geo+json"),
                                new Distribution("/api/v1/open-data/projects.ocds.json", "JSON", "application/json"))),
                new Dataset("financing", "Cofinanciación de los proyectos",
                        "Cada aporte comprometido a un proyecto: fuente, entidad, monto, moneda, fecha y lo desembolsado.",
                        List.of("cofinanciación", "fuentes de financiación"), List.of("financing_line"),
                        List.of(csv("/api/v1/open-data/financing.csv"),
                                new Distribution("/api/v1/open-data/projects.ocds.json", "JSON", "application/json"))),
                new Dataset("agreements", "Acuerdos territoriales CTT y sus acciones",
                        "Cada acción de cada acuerdo: línea, responsable, nivel, inversión, indicador, meta, fechas y "
                                + "el último avance reportado hasta la fecha, con la página pública del acuerdo.",
                        List.of("acuerdos territoriales", "seguimiento"),
                        List.of("ctt_agreement", "agreement_line", "agreement_action", "action_update"),
                        List.of(csv("/api/v1/open-data/agreements.csv"))),
                new Dataset("observatory", "Observatorio de la asociatividad",
                        "Cifras por país en una fecha (?at=AAAA-MM-DD): esquemas por figura, estado y departamento, "
                                + "municipios en uno o varios esquemas, miembros por esquema, fundados y liquidados "
                                + "por año, competencias e inversión por sector y fuente.",
                        List.of("observatorio", "estadísticas"),
                        List.of("scheme", "membership", "legal_act", "project", "financing_line"), observatory));
    }

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The catalogue as JSON-LD, its addresses made absolute with {@code base}. */
    public Map<String, Object> jsonLd(String base) {
        List<Dataset> datasets = datasets();
        Map<String, Instant> modified = lastChanges(datasets.stream().flatMap(d -> d.entities().stream()).distinct()
                .toList());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Dataset d : datasets) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("@id", base + "/api/v1/open-data/catalog#" + d.id());
            e.put("@type", "dcat:Dataset");
            e.put("dct:identifier", d.id());
            e.put("dct:title", es(d.title()));
            e.put("dct:description", es(d.description()));
            e.put("dcat:keyword", d.keywords());
            e.put("dct:license", Map.of("@id", LICENSE));
            e.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", "Minga"));
            d.entities().stream().map(modified::get).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                    .ifPresent(at -> e.put("dct:modified", dateTime(at)));
            e.put("dcat:distribution", d.distributions().stream().map(f -> {
                Map<String, Object> dist = new LinkedHashMap<>();
                dist.put("@type", "dcat:Distribution");
                dist.put("dct:format", f.format());
                dist.put("dcat:mediaType", f.mediaType());
                dist.put("dcat:accessURL", Map.of("@id", base + f.path()));
                dist.put("dcat:downloadURL", Map.of("@id", base + f.path()));
                dist.put("dct:license", Map.of("@id", LICENSE));
                return dist;
            }).toList());
            entries.add(e);
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
                "foaf", "http://xmlns.com/foaf/0.1/", "xsd", "http://www.w3.org/2001/XMLSchema#"));
        catalog.put("@id", base + "/api/v1/open-data/catalog");
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", es("Minga: datos abiertos de la asociatividad territorial"));
        catalog.put("dct:description", es("El registro de esquemas asociativos territoriales, sus miembros, actos y "
                + "proyectos, y el observatorio nacional, como datos abiertos."));
        catalog.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", "Minga"));
        catalog.put("dct:language", List.of(Map.of("@id", "http://publications.europa.eu/resource/authority/language/SPA")));
        catalog.put("dct:license", Map.of("@id", LICENSE));
        catalog.put("foaf:homepage", Map.of("@id", base + "/public/observatory"));
        modified.values().stream().max(Instant::compareTo).ifPresent(at -> catalog.put("dct:modified", dateTime(at)));
        catalog.put("dcat:dataset", entries);
        return catalog;
    }

    /** The last audited change of each entity type: one backward index step per type. */
    private Map<String, Instant> lastChanges(List<String> entities) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("""
                select t.type, (select max(a.occurred_at) from audit_event a where a.entity_type = t.type) as at
                from unnest(string_to_array(:types, ',')) as t(type)""")
                .param("types", String.join(",", entities))
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("at");
                    if (at != null) {
                        last.put(rs.getString("type"), at.toInstant());
                    }
                    return n;
                }).list();
        return last;
    }

    private static Map<String, Object> es(String text) {
        return Map.of("@language", "es", "@value", text);
    }

    private static Map<String, Object> dateTime(Instant at) {
        return Map.of("@type", "xsd:dateTime", "@value", at.atOffset(ZoneOffset.UTC).withNano(0).toString());
    }
}
