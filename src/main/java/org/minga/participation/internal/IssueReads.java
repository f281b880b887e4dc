package org.minga.participation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.TerritorialIssues.Issue;
import org.minga.participation.internal.TerritorialIssues.Moderation;
import org.minga.participation.internal.TerritorialIssues.Stage;
import org.minga.participation.internal.TerritorialIssues.Theme;
import org.minga.participation.internal.TerritorialIssues.Unit;
import org.minga.platform.Zones;
import org.minga.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issues read whole: their row by column name, the units they touch (named as today) and their photos. */
@Component
record IssueReads(JdbcClient jdbc, Territory territory, Zones zones) {

    List<Issue> load(String where, Map<String, ?> params) {
        List<Issue> issues = jdbc.sql("""
                select id, scheme_id, theme, title, description, geometry, lon, lat, moderation, rejection_reason,
                       stage, reported_at, moderated_at, reserved, exact_location, public_lon, public_lat
                from territorial_issue
                """ + " where " + where).params(params)
                .query((rs, n) -> new Issue(rs.getLong("id"), rs.getLong("scheme_id"), Theme.valueOf(rs.getString("theme")),
                        rs.getString("title"), rs.getString("description"), rs.getString("geometry"),
                        rs.getDouble("lon"), rs.getDouble("lat"), Moderation.valueOf(rs.getString("moderation")),
                        rs.getString("rejection_reason"), Stage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("reported_at").toInstant(),
                        rs.getTimestamp("moderated_at") == null ? null : rs.getTimestamp("moderated_at").toInstant(),
                        new ArrayList<>(), new ArrayList<>(), rs.getBoolean("reserved"), rs.getBoolean("exact_location"),
                        rs.getDouble("public_lon"), rs.getDouble("public_lat")))
                .list();
        if (issues.isEmpty()) {
            return issues;
        }
        Map<Long, Issue> byId = new LinkedHashMap<>();
        issues.forEach(i -> byId.put(i.id(), i));
        List<Long> ids = List.copyOf(byId.keySet());
        Map<String, String> names = new LinkedHashMap<>();
        List<AffectedUnit> units = jdbc.sql("select issue_id, country, unit_code from territorial_issue_unit "
                + "where issue_id in (:ids) order by issue_id, unit_code").param("ids", ids)
                .query(AffectedUnit.class).list();
        units.stream().map(AffectedUnit::country).distinct().forEach(country -> territory.findAll(country,
                units.stream().filter(u -> u.country().equals(country)).map(AffectedUnit::unitCode).toList(),
                zones.today(country)).forEach((code, unit) -> names.put(code, unit.name())));
        for (AffectedUnit u : units) {
            byId.get(u.issueId()).units().add(new Unit(u.unitCode(), names.getOrDefault(u.unitCode(), u.unitCode())));
        }
        jdbc.sql("select issue_id, id from territorial_issue_photo where issue_id in (:ids) order by id")
                .param("ids", ids).query((rs, n) -> byId.get(rs.getLong("issue_id")).photoIds().add(rs.getLong("id")))
                .list();
        return issues;
    }

    /** A unit an issue's place touches, as stored. */
    private record AffectedUnit(long issueId, String country, String unitCode) {
    }
}
