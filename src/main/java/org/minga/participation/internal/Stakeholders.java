package org.minga.participation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actors of a scheme's territory (its stakeholders: authorities, associations, boards...), their
 * interest and influence, and the relations between them. Not to be confused with the platform's
 * record of who is acting.
 */
@Service
public class Stakeholders {

    public enum Kind {
        PUBLIC_NATIONAL, PUBLIC_DEPARTMENTAL, PUBLIC_MUNICIPAL, PRIVATE, ACADEMIA, COMMUNITY_ACTION_BOARD,
        PRODUCERS_ASSOCIATION, WOMENS_ASSOCIATION, COMMUNITY_OTHER, COOPERATION, MEDIA, CHURCH, ETHNIC_AUTHORITY
    }

    public enum RelationKind { COLLABORATION, CONFLICT, FUNDING, REPRESENTATION, INFORMATION }

    /** Interest and influence on a scale from 1 (low) to 5 (high). */
    public record NewActor(@NotBlank @Size(max = 200) String name, String kind, @Size(max = 10) String unitCode,
            Integer interest, Integer influence, @Size(max = 2000) String notes) {
    }

    public record Actor(long id, String name, Kind kind, String unitCode, int interest, int influence, String notes) {
    }

    public record Relation(long id, long fromId, long toId, RelationKind kind) {
    }

    private final Desk desk;

    Stakeholders(Desk desk) {
        this.desk = desk;
    }

    @Transactional
    public long create(long schemeId, NewActor input) {
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks().valid(input);
        Kind kind = checks.oneOf("kind", Kind.class, input.kind());
        checks.rule(onScale(input.interest()), "interest", "Range", "participation.actor.scale")
                .rule(onScale(input.influence()), "influence", "Range", "participation.actor.scale")
                .orThrow();
        String name = Inputs.text(input.name());
        String unit = Inputs.text(input.unitCode());
        String notes = Inputs.text(input.notes());
        int interest = input.interest();
        int influence = input.influence();
        long id;
        try {
            id = desk.jdbc().sql("""
                    insert into actor (scheme_id, name, kind, unit_code, interest, influence, notes)
                    values (:s, :n, :k, :u, :i, :f, :notes) returning id""").param("s", schemeId).param("n", name)
                    .param("k", kind.name()).param("u", unit).param("i", interest).param("f", influence)
                    .param("notes", notes).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "Unique", "participation.actor.duplicate", name);
        }
        desk.audit().record(Change.created("actor", id, schemeId, "Actor " + name,
                Map.of("name", name, "kind", kind.name(), "interest", interest, "influence", influence)));
        return id;
    }

    @Transactional
    public long relate(long schemeId, Long fromId, Long toId, String kind) {
        desk.scopes().requireSchemeWrite(schemeId);
        Checks checks = new Checks();
        RelationKind k = checks.oneOf("kind", RelationKind.class, kind);
        Map<Long, Actor> actors = byId(schemeId);
        checks.rule(fromId != null && actors.containsKey(fromId), "fromId", "Exists", "participation.relation.actor");
        if (toId == null || !actors.containsKey(toId)) {
            checks.add(new Violation("toId", "Exists", "participation.relation.actor"));
        } else {
            checks.rule(!toId.equals(fromId), "toId", "Different", "participation.relation.self");
        }
        checks.orThrow();
        long id;
        try {
            id = desk.jdbc().sql("insert into actor_relation (scheme_id, from_id, to_id, kind) values (:s, :f, :t, :k) returning id")
                    .param("s", schemeId).param("f", fromId).param("t", toId).param("k", k.name()).query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("toId", "Unique", "participation.relation.duplicate");
        }
        desk.audit().record(Change.created("actor_relation", id, schemeId,
                "Relación " + actors.get(fromId).name() + " → "
                + actors.get(toId).name(), Map.of("kind", k.name())));
        return id;
    }

    /** The scheme's actors, or those of one territorial unit. */
    public List<Actor> ofScheme(long schemeId, String unitCode) {
        return desk.jdbc().sql("""
                select id, name, kind, unit_code, interest, influence, notes from actor
                where scheme_id = :s and (cast(:u as text) is null or unit_code = :u) order by name""")
                .param("s", schemeId).param("u", Inputs.text(unitCode))
                .query((rs, n) -> new Actor(rs.getLong("id"), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
                        rs.getString("unit_code"), rs.getInt("interest"), rs.getInt("influence"), rs.getString("notes")))
                .list();
    }

    public List<Relation> relations(long schemeId) {
        return desk.jdbc().sql("select id, from_id, to_id, kind from actor_relation where scheme_id = :s order by id")
                .param("s", schemeId).query((rs, n) -> new Relation(rs.getLong("id"), rs.getLong("from_id"),
                        rs.getLong("to_id"), RelationKind.valueOf(rs.getString("kind")))).list();
    }

    private Map<Long, Actor> byId(long schemeId) {
        Map<Long, Actor> map = new LinkedHashMap<>();
        ofScheme(schemeId, null).forEach(a -> map.put(a.id(), a));
        return map;
    }

    private static boolean onScale(Integer value) {
        return value != null && value >= 1 && value <= 5;
    }
}
