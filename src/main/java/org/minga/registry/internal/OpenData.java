package org.minga.registry.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minga.platform.TableWriter;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

/**
 * The register as open data: every scheme, and every membership on a date, as CSV (UTF-8, comma,
 * RFC 4180 quoting, through the shared {@link TableWriter}) and GeoJSON (scheme outlines = union
 * of members' boundaries; membership features = the member's boundary). A few queries in all,
 * whatever the size of the register.
 */
@Service
public record OpenData(JdbcClient jdbc, Territory territory, ObjectMapper json) {

    /** Map geometries are simplified by this many degrees (about 200 m): enough for a national map. */
    private static final double TOLERANCE = 0.002;

    record SchemeRow(long id, String name, String acronym, String country, String figure, String status,
            LocalDate statusSince, LocalDate foundedOn, String legalPersonality, String seat, String competences) {
    }

    record MemberRow(long schemeId, String schemeName, String country, String unitCode, Long memberSchemeId,
            String memberSchemeName, String department, String role, LocalDate joinedOn, LocalDate leftOn,
            String delegate, int seats, String act) {
    }

    public void schemesCsv(LocalDate at, Writer out) throws IOException {
        List<SchemeRow> schemes = schemes(at);
        Map<Long, List<MemberRow>> members = members(at).stream()
                .collect(Collectors.groupingBy(MemberRow::schemeId));
        try (TableWriter table = TableWriter.csv(out, List.of("id", "nombre", "sigla", "pais", "figura", "estado",
                "estado_desde", "fundacion", "personeria_juridica", "sede", "competencias", "miembros_en_fecha"))) {
            for (SchemeRow s : schemes) {
                table.row(Arrays.asList(s.id(), s.name(), s.acronym(), s.country(), s.figure(), s.status(),
                        s.statusSince(), s.foundedOn(), s.legalPersonality(), s.seat(), s.competences(),
                        members.getOrDefault(s.id(), List.of()).size()));
            }
        }
    }

    public void membershipsCsv(LocalDate at, Writer out) throws IOException {
        List<MemberRow> rows = members(at);
        Map<String, Map<String, TerritorialUnit>> units = units(rows, at);
        try (TableWriter table = TableWriter.csv(out, List.of("esquema_id", "esquema", "pais", "miembro_codigo",
                "miembro_nombre", "nivel", "departamento", "rol", "ingreso", "retiro", "delegado", "escanos",
                "acto_autorizacion"))) {
            for (MemberRow m : rows) {
                TerritorialUnit u = m.unitCode() == null ? null : units.get(m.country()).get(m.unitCode());
                table.row(Arrays.asList(m.schemeId(), m.schemeName(), m.country(),
                        m.unitCode() != null ? m.unitCode() : "esquema-" + m.memberSchemeId(),
                        m.unitCode() != null ? (u == null ? null : u.name()) : m.memberSchemeName(),
                        u == null ? "SCHEME" : u.level(), m.department(), m.role(), m.joinedOn(), m.leftOn(),
                        m.delegate(), m.seats(), m.act()));
            }
        }
    }

    /**
     * The caller owns {@code out} (the response): Jackson must not close it, or the servlet's stream is
     * closed under Tomcat, the caller's flush fails and the kept-alive connection is dropped (F8).
     */
    private tools.jackson.databind.ObjectWriter geoJson() {
        return json.writer().without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    public void schemesGeoJson(LocalDate at, Writer out) throws IOException {
        List<SchemeRow> schemes = schemes(at);
        Map<String, Map<Long, List<String>>> groups = new LinkedHashMap<>();
        for (MemberRow m : members(at)) {
            if (m.unitCode() != null) {
                groups.computeIfAbsent(m.country(), c -> new LinkedHashMap<>())
                        .computeIfAbsent(m.schemeId(), id -> new ArrayList<>()).add(m.unitCode());
            }
        }
        Map<Long, Map<String, Object>> outlines = new LinkedHashMap<>();
        groups.forEach((country, byScheme) -> outlines.putAll(territory.outlines(country, byScheme, at, TOLERANCE)));
        List<Map<String, Object>> features = new ArrayList<>();
        for (SchemeRow s : schemes) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", s.id());
            properties.put("nombre", s.name());
            properties.put("sigla", s.acronym());
            properties.put("pais", s.country());
            properties.put("figura", s.figure());
            properties.put("estado", s.status());
            properties.put("competencias", s.competences());
            features.add(feature(properties, outlines.get(s.id())));
        }
        geoJson().writeValue(out, collection(features, at));
    }

    public void membershipsGeoJson(LocalDate at, Writer out) throws IOException {
        List<MemberRow> rows = members(at);
        Map<String, Map<String, Object>> geometries = new java.util.HashMap<>();
        rows.stream().filter(m -> m.unitCode() != null)
                .collect(Collectors.groupingBy(MemberRow::country, Collectors.mapping(MemberRow::unitCode,
                        Collectors.toSet())))
                .forEach((country, codes) -> {
                    @SuppressWarnings("unchecked")
                    var features = (List<Map<String, Object>>) territory.boundaries(country, codes, at, TOLERANCE)
                            .get("features");
                    for (Map<String, Object> f : features) {
                        @SuppressWarnings("unchecked")
                        var props = (Map<String, Object>) f.get("properties");
                        @SuppressWarnings("unchecked")
                        var geometry = (Map<String, Object>) f.get("geometry");
                        geometries.put(country + "/" + props.get("code"), geometry);
                    }
                });
        List<Map<String, Object>> features = new ArrayList<>();
        for (MemberRow m : rows) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("esquema_id", m.schemeId());
            properties.put("esquema", m.schemeName());
            properties.put("miembro_codigo", m.unitCode() != null ? m.unitCode() : "esquema-" + m.memberSchemeId());
            properties.put("rol", m.role());
            properties.put("ingreso", m.joinedOn().toString());
            properties.put("retiro", m.leftOn() == null ? null : m.leftOn().toString());
            features.add(feature(properties, m.unitCode() == null ? null : geometries.get(m.country() + "/"
                    + m.unitCode())));
        }
        geoJson().writeValue(out, collection(features, at));
    }

    /** The legal acts recorded up to a date (issued on or before it): what, by whom, when; no personal data. */
    public void actsCsv(LocalDate at, Writer out) throws IOException {
        try (TableWriter table = TableWriter.csv(out, List.of("id", "esquema_id", "esquema", "pais", "tipo", "numero",
                "expedido", "expedido_por", "unidad_codigo", "resumen", "documento"))) {
            jdbc.sql("""
                    select a.id, a.scheme_id, s.name, s.country, a.type, a.number, a.issued_on, a.issuer, a.unit_code,
                           a.summary, a.document_name
                    from legal_act a join scheme s on s.id = a.scheme_id
                    where a.issued_on <= :at order by a.scheme_id, a.issued_on, a.id""").param("at", Date.valueOf(at))
                    .query((java.sql.ResultSet rs) -> {
                        try {
                            table.row(Arrays.asList(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    private List<SchemeRow> schemes(LocalDate at) {
        return jdbc.sql("""
                select s.id, s.name, s.acronym, s.country, s.figure, s.status, s.status_since, s.founded_on,
                       s.legal_personality, coalesce(s.seat_address, s.seat_unit_code) as seat,
                       (select string_agg(sc.competence_code, ';' order by sc.competence_code) from scheme_competence sc
                         where sc.scheme_id = s.id and sc.added_on <= :at and (sc.removed_on is null or sc.removed_on > :at))
                         as competences
                from scheme s order by s.country, lower(s.name), s.id
                """).param("at", Date.valueOf(at))
                .query(SchemeRow.class)
                .list();
    }

    private List<MemberRow> members(LocalDate at) {
        return jdbc.sql("""
                select s.id as scheme_id, s.name as scheme_name, s.country, m.unit_code, m.member_scheme_id,
                       ms.name as member_scheme_name, m.department_code as department, m.role, m.joined_on, m.left_on,
                       m.delegate, m.seats, m.authorising_act as act
                from membership_on(:at) m join scheme s on s.id = m.scheme_id left join scheme ms on ms.id = m.member_scheme_id
                order by s.country, lower(s.name), s.id, m.unit_code
                """).param("at", Date.valueOf(at))
                .query(MemberRow.class)
                .list();
    }

    private Map<String, Map<String, TerritorialUnit>> units(List<MemberRow> rows, LocalDate at) {
        Map<String, Map<String, TerritorialUnit>> units = new java.util.HashMap<>();
        for (String country : List.of("CO", "SV")) {
            units.put(country, territory.findAll(country, rows.stream().filter(m -> country.equals(m.country()))
                    .map(MemberRow::unitCode).filter(java.util.Objects::nonNull).distinct().toList(), at));
        }
        return units;
    }

    private static Map<String, Object> feature(Map<String, Object> properties, Map<String, Object> geometry) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("properties", properties);
        feature.put("geometry", geometry);
        return feature;
    }

    private static Map<String, Object> collection(List<Map<String, Object>> features, LocalDate at) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("fecha", at.toString());
        collection.put("features", features);
        return collection;
    }
}
