package org.minga.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read-only digest of a scheme's project bank for other modules (handover dossiers, health of a
 * scheme, planning links): each project with its stage, beneficiaries, committed financing and
 * latest progress, and the open investment needs. One query per list.
 */
@Service
public class ProjectDigest {

    public record Project(long id, String code, String name, String sector, Stage stage, LocalDate stageSince,
            BigDecimal cost, String currency, List<String> beneficiaries, BigDecimal committed,
            BigDecimal physicalPercent, LocalDate lastActivity) {

        public boolean active() {
            return !stage.isFinal() && stage != Stage.FINISHED;
        }
    }

    public record Need(long id, String unitCode, String sector, String description, int priority) {
    }

    private final JdbcClient jdbc;

    ProjectDigest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scheme's projects, or only those benefiting {@code unitCode} when it is not null; by code. */
    @Transactional(readOnly = true)
    public List<Project> projects(long schemeId, String unitCode) {
        return jdbc.sql("""
                select p.id, p.code, p.name, p.sector, p.stage, p.stage_since, p.cost, p.currency,
                       coalesce((select string_agg(b.unit_code, ',' order by b.unit_code) from project_beneficiary b
                                 where b.project_id = p.id), '') as beneficiaries,
                       coalesce((select sum(f.amount) from financing_line f where f.project_id = p.id
                                 and f.currency = p.currency and f.voided_at is null), 0) as committed,
                       (select r.physical_percent from project_report r where r.project_id = p.id
                        order by r.reported_on desc, r.id desc limit 1) as physical,
                       greatest(p.stage_since,
                                (select max(r.reported_on) from project_report r where r.project_id = p.id),
                                (select max(m.actual_on) from project_milestone m where m.project_id = p.id))
                           as last_activity
                from project p
                where p.scheme_id = :s and (cast(:u as text) is null
                      or exists (select 1 from project_beneficiary b where b.project_id = p.id and b.unit_code = :u))
                order by p.code""").param("s", schemeId).param("u", unitCode)
                .query((rs, n) -> new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("sector"), Stage.valueOf(rs.getString("stage")),
                        rs.getDate("stage_since").toLocalDate(), rs.getBigDecimal("cost"), rs.getString("currency"),
                        rs.getString("beneficiaries").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("beneficiaries").split(",")),
                        rs.getBigDecimal("committed"), rs.getBigDecimal("physical"),
                        rs.getDate("last_activity").toLocalDate()))
                .list();
    }

    /** Open investment needs of the scheme (of one member when {@code unitCode} is not null), by priority. */
    @Transactional(readOnly = true)
    public List<Need> openNeeds(long schemeId, String unitCode) {
        return jdbc.sql("""
                select id, unit_code, sector, description, priority from investment_need
                where scheme_id = :s and status = 'OPEN' and (cast(:u as text) is null or unit_code = :u)
                order by priority, unit_code, id""").param("s", schemeId).param("u", unitCode)
                .query(Need.class).list();
    }

    /** Whether a project of the scheme exists; planning links goals to projects by id. */
    @Transactional(readOnly = true)
    public boolean exists(long schemeId, long projectId) {
        return jdbc.sql("select exists (select 1 from project where id = :p and scheme_id = :s)")
                .param("p", projectId).param("s", schemeId).query(Boolean.class).single();
    }

    /** A project's identity, cost and stage: what a prioritisation shows of it. */
    public record Summary(long id, long schemeId, String code, String name, BigDecimal cost, String currency,
            Stage stage) {
    }

    private static final String SUMMARY = "select id, scheme_id, code, name, cost, currency, stage from project";

    /** The scheme's projects still alive (neither closed nor discarded), by code; at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Summary> open(long schemeId, int limit) {
        return jdbc.sql(SUMMARY + " where scheme_id = :s and stage not in ('CLOSED', 'DISCARDED') order by code limit :l")
                .param("s", schemeId).param("l", limit).query(ProjectDigest::summary).list();
    }

    /** The projects with these ids, whatever their scheme, by id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Summary> summaries(java.util.Collection<Long> ids) {
        java.util.Map<Long, Summary> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(SUMMARY + " where id in (:ids)").param("ids", List.copyOf(ids)).query(ProjectDigest::summary).list()
                    .forEach(s -> found.put(s.id(), s));
        }
        return found;
    }

    /** A project's public page as the sitemap lists it: its id and the day it last changed. */
    public record Changed(long id, LocalDate changedOn) {
    }

    /** The highest project id (0 when none). */
    @Transactional(readOnly = true)
    public long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from project").query(Long.class).single();
    }

    /** Projects after {@code afterId} by id (the primary key serves the keyset), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Changed> after(long afterId, int limit) {
        return jdbc.sql("select id, cast(updated_at as date) as changed_on from project where id > :a order by id limit :l")
                .param("a", afterId).param("l", limit).query(Changed.class).list();
    }

    private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("code"), rs.getString("name"),
                rs.getBigDecimal("cost"), rs.getString("currency").strip(), Stage.valueOf(rs.getString("stage")));
    }
}
