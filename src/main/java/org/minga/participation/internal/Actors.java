package org.minga.participation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The actors of a scheme's territory, their interest and influence, and the relations between them. */
@Service
public class Actors {

    public enum Kind {
        PUBLIC_NATIONAL, PUBLIC_DEPARTMENTAL, PUBLIC_MUNICIPAL, PRIVATE, ACADEMIA, COMMUNITY_ACTION_BOARD,
        PRODUCERS_ASSOCIATION, WOMENS_ASSOCIATION, COMMUNITY_OTHER, COOPERATION, MEDIA, CHURCH, ETHNIC_AUTHORITY
    }

    public enum RelationKind { COLLABORATION, CONFLICT, FUNDING, REPRESENTATION, INFORMATION }

    public record NewActor(String name, String kind, String unitCode, Integer interest, Integer influence, String notes) {
    }

    public record Actor(long id, String name, Kind kind, String unitCode, int interest, int influence, String notes) {
    }

    public record Relation(long id, long fromId, long toId, RelationKind kind) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;

    Actors(JdbcClient jdbc, Scopes scopes, AuditLog audit) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Transactional
    public long create(long schemeId, NewActor input) {
        scopes.requireSchemeWrite(schemeId);
        List<Violation> problems = new ArrayList<>();
        String name = Texts.required(input.name(), "name", 200, problems);
        Kind kind = Enums.parse(Kind.class, input.kind(), "kind", "participation.actor.kind.required", problems);
        int interest = scale(input.interest(), "interest", problems);
        int influence = scale(input.influence(), "influence", problems);
        String unit = Texts.optional(input.unitCode(), "unitCode", 10, problems);
        String notes = Texts.optional(input.notes(), "notes", 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into actor (scheme_id, name, kind, unit_code, interest, influence, notes)
                    values (:s, :n, :k, :u, :i, :f, :notes) returning id""").param("s", schemeId).param("n", name)
                    .param("k", kind.name()).param("u", unit).param("i", interest).param("f", influence)
                    .param("notes", notes).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "Unique", "participation.actor.duplicate", name);
        }
        audit.record(Change.created("actor", id, schemeId, "Actor " + name,
                Map.of("name", name, "kind", kind.name(), "interest", interest, "influence", influence)));
        return id;
    }

    @Transactional
    public long relate(long schemeId, Long fromId, Long toId, String kind) {
        scopes.requireSchemeWrite(schemeId);
        List<Violation> problems = new ArrayList<>();
        RelationKind k = Enums.parse(RelationKind.class, kind, "kind", "participation.relation.kind.required", problems);
        Map<Long, Actor> actors = byId(schemeId);
        if (fromId == null || !actors.containsKey(fromId)) {
            problems.add(new Violation("fromId", "Exists", "participation.relation.actor"));
        }
        if (toId == null || !actors.containsKey(toId)) {
            problems.add(new Violation("toId", "Exists", "participation.relation.actor"));
        } else if (toId.equals(fromId)) {
            problems.add(new Violation("toId", "Different", "participation.relation.self"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id;
        try {
            id = jdbc.sql("insert into actor_relation (scheme_id, from_id, to_id, kind) values (:s, :f, :t, :k) returning id")
                    .param("s", schemeId).param("f", fromId).param("t", toId).param("k", k.name()).query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("toId", "Unique", "participation.relation.duplicate");
        }
        audit.record(Change.created("actor_relation", id, schemeId, "Relación " + actors.get(fromId).name() + " → "
                + actors.get(toId).name(), Map.of("kind", k.name())));
        return id;
    }

    /** The scheme's actors, or those of one territorial unit. */
    public List<Actor> ofScheme(long schemeId, String unitCode) {
        return jdbc.sql("""
                select id, name, kind, unit_code, interest, influence, notes from actor
                where scheme_id = :s and (cast(:u as text) is null or unit_code = :u) order by name""")
                .param("s", schemeId).param("u", unitCode == null || unitCode.isBlank() ? null : unitCode.strip())
                .query((rs, n) -> new Actor(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7))).list();
    }

    public List<Relation> relations(long schemeId) {
        return jdbc.sql("select id, from_id, to_id, kind from actor_relation where scheme_id = :s order by id")
                .param("s", schemeId).query((rs, n) -> new Relation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        RelationKind.valueOf(rs.getString(4)))).list();
    }

    private Map<Long, Actor> byId(long schemeId) {
        Map<Long, Actor> map = new LinkedHashMap<>();
        ofScheme(schemeId, null).forEach(a -> map.put(a.id(), a));
        return map;
    }

    private static int scale(Integer value, String field, List<Violation> problems) {
        if (value == null || value < 1 || value > 5) {
            problems.add(new Violation(field, "Range", "participation.actor.scale"));
            return 0;
        }
        return value;
    }
}
