package org.minga.participation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Citizens;
import org.minga.identity.Citizens.Citizen;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's rights over their data (Ley 1581 de 2012, art. 8): to know everything the platform
 * holds about them, and to have it deleted. Deletion removes the account, their unpublished
 * reports and observations; what was already published stays as public content without any link
 * to them, and their ballots keep counting under an anonymous key (a result must not change
 * because a voter left).
 */
@Service
public class CitizenData {

    private final Desk desk;
    private final TerritorialIssues issues;

    CitizenData(Desk desk, TerritorialIssues issues) {
        this.desk = desk;
        this.issues = issues;
    }

    public Citizen current() {
        return desk.citizens().current()
                .orElseThrow(() -> new AccessDeniedException("Esta página es para cuentas de ciudadano."));
    }

    /** Everything held about the signed-in citizen, as a plain structure ready for JSON. */
    public Map<String, Object> export() {
        Citizen citizen = current();
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("username", citizen.username());
        account.put("fullName", citizen.fullName());
        account.put("email", citizen.email());
        account.put("unitCode", citizen.unitCode());
        account.put("createdAt", citizen.createdAt().toString());
        data.put("account", account);
        data.put("issues", issues.reportedBy(citizen.id()).stream().map(i -> {
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("id", i.id());
            issue.put("theme", i.theme().name());
            issue.put("title", i.title());
            issue.put("description", i.description());
            issue.put("geometry", i.geometry());
            issue.put("moderation", i.moderation().name());
            issue.put("rejectionReason", i.rejectionReason());
            issue.put("reportedAt", i.reportedAt().toString());
            issue.put("photos", i.photoIds().size());
            return issue;
        }).toList());
        data.put("consents", desk.jdbc().sql("select id, consent_at from territorial_issue where reporter_id = :c and consent_at is not null order by id")
                .param("c", citizen.id()).query((rs, n) -> Map.of("issueId", rs.getLong("id"),
                        "consentAt", rs.getTimestamp("consent_at").toInstant().toString())).list());
        data.put("ballots", desk.jdbc().sql("""
                select p.title, b.channel, b.cast_at from ballot b join prioritisation p on p.id = b.prioritisation_id
                where b.voter_key = :k order by b.id""").param("k", "citizen:" + citizen.id())
                .query((rs, n) -> Map.of("prioritisation", rs.getString("title"), "channel", rs.getString("channel"),
                        "castAt", rs.getTimestamp("cast_at").toInstant().toString())).list());
        data.put("observations", desk.jdbc().sql("""
                select action_id, text, moderation, created_at from action_observation where author_id = :c order by id""")
                .param("c", citizen.id()).query((rs, n) -> Map.of("actionId", rs.getLong("action_id"),
                        "text", rs.getString("text"), "moderation", rs.getString("moderation"),
                        "createdAt", rs.getTimestamp("created_at").toInstant().toString())).list());
        // When they last opened "Mis reportes" (what the desk counts their reports' news from).
        data.put("reportsSeenAt", desk.jdbc().sql("select seen_at from citizen_reports_seen where app_user = :c")
                .param("c", citizen.id()).query((rs, n) -> rs.getTimestamp("seen_at").toInstant().toString()).optional()
                .orElse(null));
        return data;
    }

    @Transactional
    public void delete() {
        Citizen citizen = current();
        List<Long> unpublished = desk.jdbc().sql("""
                select id from territorial_issue where reporter_id = :c and moderation <> 'PUBLISHED'""")
                .param("c", citizen.id()).query(Long.class).list();
        if (!unpublished.isEmpty()) {
            desk.jdbc().sql("select file_id from territorial_issue_photo where issue_id in (:ids)")
                    .param("ids", unpublished)
                    .query(java.util.UUID.class).list().forEach(desk.files()::delete);
            desk.jdbc().sql("delete from territorial_issue where id in (:ids)").param("ids", unpublished).update();
        }
        desk.jdbc().sql("update territorial_issue set reporter_id = null where reporter_id = :c").param("c", citizen.id()).update();
        desk.jdbc().sql("delete from action_observation where author_id = :c and moderation <> 'PUBLISHED'")
                .param("c", citizen.id()).update();
        desk.jdbc().sql("update action_observation set author_id = null where author_id = :c").param("c", citizen.id()).update();
        desk.jdbc().sql("update ballot set voter_key = 'deleted:' || gen_random_uuid() where voter_key = :k")
                .param("k", "citizen:" + citizen.id()).update();
        desk.citizens().deleteCurrent();
    }
}
