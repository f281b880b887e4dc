package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The competences a scheme holds in time: statutes add one on a date (and may drop it later). The
 * taxonomy is data, so a new national competence is a row, not a release.
 */
@Service
public class Competences {

    public record Competence(String code, String sector, String name) {
    }

    public record Held(String code, String name, LocalDate addedOn) {
    }

    private final Desk desk;

    Competences(Desk desk) {
        this.desk = desk;
    }

    public List<Competence> taxonomy() {
        return desk.jdbc().sql("select code, sector, name from competence order by sector, name")
                .query(Competence.class).list();
    }

    /** The competences held on a date, by name. */
    public List<Held> on(long schemeId, LocalDate at) {
        return desk.jdbc().sql("""
                select c.code, c.name, sc.added_on from scheme_competence sc join competence c on c.code = sc.competence_code
                where sc.scheme_id = :s and sc.added_on <= :at and (sc.removed_on is null or sc.removed_on > :at)
                order by c.name
                """).param("s", schemeId).param("at", Date.valueOf(at))
                .query(Held.class)
                .list();
    }

    /** Adds a competence from a date, usually by a statute reform named in {@code act}. */
    @Transactional
    public void add(long schemeId, String code, LocalDate on, String act) {
        var scheme = desk.writableScheme(schemeId);
        Competence competence = find(code);
        if (on == null) {
            throw new InvalidInputException("addedOn", "Required", "registry.competence.date");
        }
        if (heldAfter(schemeId, competence.code(), on)) {
            throw new InvalidInputException("competence", "Unique", "registry.competence.held", competence.name());
        }
        desk.jdbc().sql("insert into scheme_competence (scheme_id, competence_code, added_on) values (:s, :c, :on)")
                .param("s", schemeId).param("c", competence.code()).param("on", Date.valueOf(on)).update();
        String by = act == null || act.isBlank() ? "" : " por " + act.strip();
        desk.events().record(schemeId, on, SchemeEvents.Type.COMPETENCE_ADDED, "Asume la competencia " + competence.name() + by);
        desk.audit().record(Change.created("scheme-competence", schemeId + "/" + competence.code(), schemeId,
                "Competencia " + competence.name() + " en " + scheme.getName(),
                Map.of("competence", competence.code(), "addedOn", on.toString())));
    }

    /** Drops a held competence from a date (the last day it is held is the day before). */
    @Transactional
    public void remove(long schemeId, String code, LocalDate on) {
        var scheme = desk.writableScheme(schemeId);
        Competence competence = find(code);
        if (on == null) {
            throw new InvalidInputException("removedOn", "Required", "registry.competence.date");
        }
        int updated = desk.jdbc().sql("""
                update scheme_competence set removed_on = :on
                where scheme_id = :s and competence_code = :c and removed_on is null and added_on <= :on
                """).param("s", schemeId).param("c", competence.code()).param("on", Date.valueOf(on)).update();
        if (updated == 0) {
            throw new NotFoundException("competencia vigente", competence.code());
        }
        desk.events().record(schemeId, on, SchemeEvents.Type.COMPETENCE_REMOVED,
                "Deja la competencia " + competence.name());
        Map<String, Object> before = new java.util.HashMap<>();
        before.put("removedOn", null);
        desk.audit().record(Change.updated("scheme-competence", schemeId + "/" + competence.code(), schemeId,
                "Competencia " + competence.name() + " en " + scheme.getName(), before,
                Map.of("removedOn", on.toString())));
    }

    private boolean heldAfter(long schemeId, String code, LocalDate on) {
        return desk.jdbc().sql("""
                select count(*) > 0 from scheme_competence
                where scheme_id = :s and competence_code = :c and (removed_on is null or removed_on > :on)
                """).param("s", schemeId).param("c", code).param("on", Date.valueOf(on)).query(Boolean.class).single();
    }

    private Competence find(String code) {
        return desk.jdbc().sql("select code, sector, name from competence where code = :c")
                .param("c", code == null ? "" : code.strip()).query(Competence.class).optional()
                .orElseThrow(() -> new InvalidInputException("competence", "OneOf", "registry.competence.unknown",
                        code));
    }
}
