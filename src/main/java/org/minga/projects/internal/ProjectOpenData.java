package org.minga.projects.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.minga.platform.TableWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The project bank as open data: every project (each has a public page already) and its
 * co-financing, as CSV, as GeoJSON where the project has a location, and as an Open Contracting
 * (OCDS 1.1) release package. Each file is one query streamed row by row, whatever its size.
 *
 * <p>The bank records a contractor's name but no contract (no award, value or dates), so the OCDS
 * package holds <em>planning</em> releases only: the budget (the project's cost) and its sources.
 */
@Service
public class ProjectOpenData {

    /** Ours until a prefix is registered with the Open Contracting Partnership. */
    public static final String OCID_PREFIX = "ocds-minga-";

    private static final String PROJECTS = """
            select p.id, p.scheme_id, s.name as scheme, s.country, p.code, p.bpin, p.name, p.sector, p.stage,
                   p.stage_since, p.cost, p.currency, p.executor, p.location::text as location, p.updated_at
            from project p join scheme s on s.id = p.scheme_id
            where p.created_at::date <= :at
            order by p.id""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ProjectOpenData(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public void projectsCsv(LocalDate at, String base, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.csv(out, List.of("id", "esquema_id", "esquema", "pais", "codigo", "bpin",
                "nombre", "sector", "etapa", "etapa_desde", "costo", "moneda", "ejecutor", "pagina_publica"))) {
            jdbc.sql(PROJECTS).param("at", at).query((ResultSet rs) -> {
                row(table, Arrays.asList(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("scheme"),
                        rs.getString("country"), rs.getString("code"), rs.getString("bpin"), rs.getString("name"),
                        rs.getString("sector"), rs.getString("stage"), rs.getObject("stage_since", LocalDate.class),
                        rs.getBigDecimal("cost"), rs.getString("currency"), rs.getString("executor"),
                        base + "/public/projects/" + rs.getLong("id")));
            });
        }
    }

    @Transactional(readOnly = true)
    public void financingCsv(LocalDate at, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.csv(out, List.of("proyecto_id", "proyecto_codigo", "esquema_id", "fuente",
                "entidad", "unidad_codigo", "monto", "moneda", "comprometido", "desembolsado"))) {
            jdbc.sql("""
                    select f.project_id, p.code, p.scheme_id, f.source_type, f.entity, f.unit_code, f.amount, f.currency,
                           f.committed_on, f.disbursed
                    from financing_line f join project p on p.id = f.project_id
                    where f.committed_on <= :at order by f.project_id, f.committed_on, f.id""").param("at", at)
                    .query((ResultSet rs) -> {
                        row(table, Arrays.asList(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                                rs.getObject(9, LocalDate.class), rs.getBigDecimal(10)));
                    });
        }
    }

    /** Projects with a location (point or shape), as a GeoJSON feature collection. */
    @Transactional(readOnly = true)
    public void projectsGeoJson(LocalDate at, String base, OutputStream out) {
        try (JsonGenerator g = writer().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeArrayPropertyStart("features");
            jdbc.sql(PROJECTS).param("at", at).query((ResultSet rs) -> {
                String location = rs.getString("location");
                if (location == null) {
                    return;
                }
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeObjectPropertyStart("properties");
                g.writeNumberProperty("id", rs.getLong("id"));
                g.writeStringProperty("codigo", rs.getString("code"));
                g.writeStringProperty("nombre", rs.getString("name"));
                g.writeStringProperty("sector", rs.getString("sector"));
                g.writeStringProperty("etapa", rs.getString("stage"));
                g.writeStringProperty("esquema", rs.getString("scheme"));
                g.writeStringProperty("pagina_publica", base + "/public/projects/" + rs.getLong("id"));
                g.writeEndObject();
                g.writeName("geometry");
                g.writeRawValue(location);
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * An OCDS 1.1 release package of planning releases, one per project: the scheme as buyer, the
     * project's cost as budget, each committed financing line as a funder party.
     */
    @Transactional(readOnly = true)
    public void ocds(LocalDate at, String base, OutputStream out) {
        var financing = jdbc.sql("""
                select f.project_id, f.source_type, f.entity, f.amount, f.currency from financing_line f
                where f.committed_on <= :at order by f.project_id, f.id""").param("at", at)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5)))
                .list().stream().collect(java.util.stream.Collectors.groupingBy(Line::projectId));
        try (JsonGenerator g = writer().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("uri", base + "/api/v1/open-data/projects.ocds.json?at=" + at);
            g.writeStringProperty("version", "1.1");
            g.writeStringProperty("publishedDate", Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toString());
            g.writeObjectPropertyStart("publisher");
            g.writeStringProperty("name", "Minga");
            g.writeStringProperty("uri", base + "/");
            g.writeEndObject();
            g.writeStringProperty("license", "https://creativecommons.org/licenses/by/4.0/");
            g.writeArrayPropertyStart("releases");
            jdbc.sql(PROJECTS).param("at", at).query((ResultSet rs) -> release(g, rs, base,
                    financing.getOrDefault(rs.getLong("id"), List.of())));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The caller owns {@code out} (the response), as in the register's GeoJSON: the generator must not close it. */
    private tools.jackson.databind.ObjectWriter writer() {
        return json.writer().without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    private record Line(long projectId, String source, String entity, java.math.BigDecimal amount, String currency) {
    }

    private static void release(JsonGenerator g, ResultSet rs, String base, List<Line> lines) throws SQLException {
        long id = rs.getLong("id");
        String ocid = OCID_PREFIX + id;
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        String buyer = "scheme-" + rs.getLong("scheme_id");
        g.writeStartObject();
        g.writeStringProperty("ocid", ocid);
        g.writeStringProperty("id", ocid + "-planning-" + updated.getEpochSecond());
        g.writeStringProperty("date", updated.atOffset(ZoneOffset.UTC).withNano(0).toString());
        g.writeArrayPropertyStart("tag");
        g.writeString("planning");
        g.writeEndArray();
        g.writeStringProperty("initiationType", "tender");
        g.writeStringProperty("language", "es");
        g.writeArrayPropertyStart("parties");
        g.writeStartObject();
        g.writeStringProperty("id", buyer);
        g.writeStringProperty("name", rs.getString("scheme"));
        g.writeObjectPropertyStart("address");
        g.writeStringProperty("countryName", rs.getString("country"));
        g.writeEndObject();
        g.writeArrayPropertyStart("roles");
        g.writeString("buyer");
        g.writeString("procuringEntity");
        g.writeEndArray();
        g.writeEndObject();
        for (int i = 0; i < lines.size(); i++) {
            g.writeStartObject();
            g.writeStringProperty("id", "funder-" + id + "-" + (i + 1));
            g.writeStringProperty("name", lines.get(i).entity());
            g.writeArrayPropertyStart("roles");
            g.writeString("funder");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("buyer");
        g.writeStringProperty("id", buyer);
        g.writeStringProperty("name", rs.getString("scheme"));
        g.writeEndObject();
        g.writeObjectPropertyStart("planning");
        g.writeStringProperty("rationale", rs.getString("name"));
        g.writeObjectPropertyStart("budget");
        g.writeStringProperty("id", rs.getString("bpin") != null ? rs.getString("bpin") : rs.getString("code"));
        g.writeStringProperty("description", rs.getString("sector"));
        if (rs.getBigDecimal("cost") != null) {
            g.writeObjectPropertyStart("amount");
            g.writeNumberProperty("amount", rs.getBigDecimal("cost"));
            g.writeStringProperty("currency", rs.getString("currency"));
            g.writeEndObject();
        }
        g.writeStringProperty("project", rs.getString("name"));
        g.writeStringProperty("projectID", rs.getString("code"));
        g.writeStringProperty("uri", base + "/public/projects/" + id);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void row(TableWriter table, List<?> values) {
        try {
            table.row(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
