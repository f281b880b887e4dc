package org.minga.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.minga.platform.NotFoundException;
import org.minga.services.CaseType.ItemDef;
import org.minga.services.CaseType.StateDef;
import org.minga.services.CaseType.TransitionDef;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Case types as stored: a head row and four lists of children, each written in one statement and
 * read in one query for any number of types (five queries for a scheme's types, not 1 + 5n).
 */
@Component
record CaseTypes(JdbcClient jdbc) {

    boolean codeTaken(long schemeId, String code) {
        return jdbc.sql("select exists (select 1 from case_type where scheme_id = :s and code = :c)").param("s", schemeId)
                .param("c", code).query(Boolean.class).single();
    }

    /** Stores a checked definition; its positions are the order given. */
    long insert(long schemeId, Cases.TypeInput in, String name) {
        long id = jdbc.sql("""
                insert into case_type (scheme_id, service_line_id, code, name, target_days, initial_state)
                values (:s, :l, :c, :n, :d, :i) returning id""").param("s", schemeId).param("l", in.serviceLineId())
                .param("c", in.code()).param("n", name).param("d", in.targetDays()).param("i", in.initialState())
                .query(Long.class).single();
        jdbc.sql("""
                insert into case_type_state (case_type_id, code, name, stops_clock, position)
                select :t, x.code, x.name, x.stops, x.n - 1 from unnest(:codes, :names, :stops) with ordinality as x(code, name, stops, n)""")
                .param("t", id).param("codes", texts(in.states(), StateDef::code))
                .param("names", texts(in.states(), s -> s.name().strip()))
                .param("stops", new SqlArrayValue("boolean", in.states().stream().map(StateDef::stopsClock).toArray())).update();
        jdbc.sql("""
                insert into case_type_transition (case_type_id, from_state, to_state, roles, needs_observation, needs_checks,
                    needs_requirements)
                select :t, x.f, x.s, string_to_array(x.r, ','), x.o, x.c, x.q from unnest(:f, :s, :r, :o, :c, :q) as x(f, s, r, o, c, q)""")
                .param("t", id).param("f", texts(in.transitions(), TransitionDef::from))
                .param("s", texts(in.transitions(), TransitionDef::to))
                .param("r", texts(in.transitions(), (TransitionDef t) -> String.join(",", t.roles())))
                .param("o", flags(in.transitions(), TransitionDef::needsObservation))
                .param("c", flags(in.transitions(), TransitionDef::needsChecks))
                .param("q", flags(in.transitions(), TransitionDef::needsRequirements)).update();
        items("case_type_requirement", id, in.requirements());
        items("case_type_check", id, in.checks());
        return id;
    }

    CaseType get(long id) {
        List<CaseType> found = load("t.id = :k", id);
        if (found.isEmpty()) {
            throw new NotFoundException("tipo de trámite", id);
        }
        return found.getFirst();
    }

    List<CaseType> ofScheme(long schemeId) {
        return load("t.scheme_id = :k", schemeId);
    }

    record Head(long id, long schemeId, long serviceLineId, String code, String name, int targetDays,
            String initialState) {
    }

    private List<CaseType> load(String where, long key) {
        List<Head> heads = jdbc.sql("""
                select t.id, t.scheme_id, t.service_line_id, t.code, t.name, t.target_days, t.initial_state
                from case_type t where %s order by t.id""".formatted(where)).param("k", key).query(Head.class).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        var states = children("""
                select s.case_type_id, s.code, s.name, s.stops_clock from case_type_state s join case_type t on t.id = s.case_type_id
                where %s order by s.position""".formatted(where), key,
                rs -> new StateDef(rs.getString("code"), rs.getString("name"), rs.getBoolean("stops_clock")));
        var transitions = children("""
                select x.case_type_id, x.from_state, x.to_state, x.roles, x.needs_observation, x.needs_checks, x.needs_requirements
                from case_type_transition x join case_type t on t.id = x.case_type_id
                join case_type_state s on s.case_type_id = x.case_type_id and s.code = x.to_state
                where %s order by x.from_state, s.position""".formatted(where), key,
                rs -> new TransitionDef(rs.getString("from_state"), rs.getString("to_state"),
                        Arrays.asList((String[]) rs.getArray("roles").getArray()), rs.getBoolean("needs_observation"),
                        rs.getBoolean("needs_checks"), rs.getBoolean("needs_requirements")));
        var requirements = children("""
                select r.case_type_id, r.code, r.label from case_type_requirement r join case_type t on t.id = r.case_type_id
                where %s order by r.position""".formatted(where), key, CaseTypes::item);
        var checks = children("""
                select r.case_type_id, r.code, r.label from case_type_check r join case_type t on t.id = r.case_type_id
                where %s order by r.position""".formatted(where), key, CaseTypes::item);
        return heads.stream().map(h -> new CaseType(h.id(), h.schemeId(), h.serviceLineId(), h.code(), h.name(), h.targetDays(),
                h.initialState(), states.getOrDefault(h.id(), List.of()), transitions.getOrDefault(h.id(), List.of()),
                requirements.getOrDefault(h.id(), List.of()), checks.getOrDefault(h.id(), List.of()))).toList();
    }

    private interface Child<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Map<Long, List<T>> children(String sql, long key, Child<T> child) {
        Map<Long, List<T>> byType = new HashMap<>();
        RowCallbackHandler row = rs -> byType.computeIfAbsent(rs.getLong("case_type_id"), k -> new ArrayList<>())
                .add(child.read(rs));
        jdbc.sql(sql).param("k", key).query(row);
        return byType;
    }

    private static ItemDef item(ResultSet rs) throws SQLException {
        return new ItemDef(rs.getString("code"), rs.getString("label"));
    }

    private void items(String table, long typeId, List<ItemDef> items) {
        jdbc.sql("""
                insert into %s (case_type_id, code, label, position)
                select :t, x.code, x.label, x.n - 1 from unnest(:codes, :labels) with ordinality as x(code, label, n)"""
                .formatted(table)).param("t", typeId).param("codes", texts(items, ItemDef::code))
                .param("labels", texts(items, i -> i.label().strip())).update();
    }

    private static <T> SqlArrayValue texts(List<T> items, Function<T, String> value) {
        return new SqlArrayValue("text", items.stream().map(value).toArray());
    }

    private static <T> SqlArrayValue flags(List<T> items, Function<T, Boolean> value) {
        return new SqlArrayValue("boolean", items.stream().map(value).toArray());
    }
}
