package org.minga.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Execution monitoring: milestones with planned and actual dates, progress reports with physical
 * and financial progress and photos, and the delays they reveal.
 */
@Service
public class Monitoring {

    /** Photos are JPEG or PNG, recognised by their first bytes, at most this size. */
    public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    public record Milestone(long id, long projectId, String name, LocalDate plannedOn, LocalDate actualOn,
            boolean delayed) {
    }

    public record Photo(long id, String name, String contentType, int sizeBytes) {
    }

    public record Report(long id, long projectId, LocalDate reportedOn, BigDecimal physicalPercent,
            BigDecimal financialPercent, String text, String recordedBy, List<Photo> photos) {
    }

    public record Upload(String name, byte[] content) {
    }

    /**
     * What is late: milestones past their planned date without an actual date, and whether the
     * latest physical progress is behind the straight line from planned start to planned end.
     */
    public record Delays(List<Milestone> lateMilestones, BigDecimal expectedPercent, BigDecimal physicalPercent,
            boolean behindSchedule) {

        public boolean any() {
            return behindSchedule || !lateMilestones.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Scopes scopes;
    private final FileStore files;
    private final AuditLog audit;

    Monitoring(JdbcClient jdbc, Projects projects, Scopes scopes, FileStore files, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scopes = scopes;
        this.files = files;
        this.audit = audit;
    }

    @Transactional
    public Milestone addMilestone(long projectId, String name, LocalDate plannedOn, LocalDate actualOn) {
        Projects.Project p = projects.get(projectId);
        scopes.requireSchemeWrite(p.schemeId());
        List<Violation> problems = new ArrayList<>();
        String n = Guard.required("name", name, 300, "projects.milestone.name", problems);
        if (plannedOn == null) {
            problems.add(new Violation("plannedOn", "Required", "projects.milestone.plannedOn"));
        }
        if (actualOn != null && actualOn.isAfter(LocalDate.now())) {
            problems.add(new Violation("actualOn", "PastOrPresent", "projects.date.future"));
        }
        Guard.throwIfAny(problems);
        long id = jdbc.sql("""
                insert into project_milestone (project_id, name, planned_on, actual_on, created_by)
                values (:p, :n, :planned, :actual, :by) returning id
                """).param("p", projectId).param("n", n).param("planned", Date.valueOf(plannedOn))
                .param("actual", actualOn == null ? null : Date.valueOf(actualOn)).param("by", Guard.actor())
                .query(Long.class).single();
        Milestone m = milestone(id);
        audit.record(Change.created("project_milestone", id, p.schemeId(), "Hito " + n + " del proyecto " + p.code(),
                milestoneState(m)));
        return m;
    }

    /** Records when a milestone was actually reached. */
    @Transactional
    public Milestone reachMilestone(long projectId, long milestoneId, LocalDate actualOn) {
        Projects.Project p = projects.get(projectId);
        scopes.requireSchemeWrite(p.schemeId());
        Milestone before = milestone(milestoneId);
        if (before.projectId() != projectId) {
            throw new NotFoundException("hito", milestoneId);
        }
        if (actualOn == null) {
            throw new InvalidInputException("actualOn", "Required", "projects.milestone.actualOn");
        }
        if (actualOn.isAfter(LocalDate.now())) {
            throw new InvalidInputException("actualOn", "PastOrPresent", "projects.date.future");
        }
        jdbc.sql("update project_milestone set actual_on = :a where id = :id").param("id", milestoneId)
                .param("a", Date.valueOf(actualOn)).update();
        Milestone after = milestone(milestoneId);
        audit.record(Change.updated("project_milestone", milestoneId, p.schemeId(), "Hito " + after.name()
                + " cumplido", milestoneState(before), milestoneState(after)));
        return after;
    }

    /** A progress report with its photos; every photo must be a JPEG or PNG within the size limit. */
    @Transactional
    public Report report(long projectId, LocalDate reportedOn, BigDecimal physical, BigDecimal financial,
            String text, List<Upload> photos) {
        Projects.Project p = projects.get(projectId);
        scopes.requireSchemeWrite(p.schemeId());
        List<Violation> problems = new ArrayList<>();
        if (reportedOn == null) {
            problems.add(new Violation("reportedOn", "Required", "projects.report.date"));
        } else if (reportedOn.isAfter(LocalDate.now())) {
            problems.add(new Violation("reportedOn", "PastOrPresent", "projects.date.future"));
        }
        BigDecimal ph = percent("physicalPercent", physical, problems);
        BigDecimal fi = percent("financialPercent", financial, problems);
        String t = Guard.optional("text", text, 8000, problems);
        List<Upload> uploads = photos == null ? List.of()
                : photos.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        List<String> types = new ArrayList<>();
        for (Upload u : uploads) {
            String type = FileTypes.imageType(u.content());
            if (u.content().length > MAX_PHOTO_BYTES) {
                problems.add(new Violation("photo", "Size", "projects.photo.size",
                        String.valueOf(MAX_PHOTO_BYTES / (1024 * 1024))));
            } else if (type == null) {
                problems.add(new Violation("photo", "ImageType", "projects.photo.type"));
            }
            types.add(type);
        }
        Guard.throwIfAny(problems);
        long id = jdbc.sql("""
                insert into project_report (project_id, reported_on, physical_percent, financial_percent, text, recorded_by)
                values (:p, :on, :ph, :fi, :t, :by) returning id
                """).param("p", projectId).param("on", Date.valueOf(reportedOn)).param("ph", ph).param("fi", fi)
                .param("t", t).param("by", Guard.actor()).query(Long.class).single();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String name = Guard.blankToNull(u.name()) == null ? "foto" : u.name().strip();
            if (name.length() > 200) {
                name = name.substring(0, 200);
            }
            UUID file = files.put(name, types.get(i), u.content());
            jdbc.sql("""
                    insert into project_photo (report_id, project_id, file_id, name, content_type, size_bytes)
                    values (:r, :p, :f, :n, :c, :s)
                    """).param("r", id).param("p", projectId).param("f", file).param("n", name)
                    .param("c", types.get(i)).param("s", u.content().length).update();
        }
        Report r = reports(projectId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("reportedOn", reportedOn.toString());
        state.put("physicalPercent", ph.toPlainString());
        state.put("financialPercent", fi.toPlainString());
        state.put("photos", r.photos().size());
        audit.record(Change.created("project_report", id, p.schemeId(), "Informe de avance del proyecto " + p.code(),
                state));
        return r;
    }

    public List<Milestone> milestones(long projectId) {
        return jdbc.sql("""
                select id, project_id, name, planned_on, actual_on from project_milestone where project_id = :p
                order by planned_on, id
                """).param("p", projectId).query(Monitoring::mapMilestone).list();
    }

    public List<Report> reports(long projectId) {
        Map<Long, List<Photo>> photos = jdbc.sql("""
                select report_id, id, name, content_type, size_bytes from project_photo where project_id = :p
                order by id
                """).param("p", projectId).query((rs, n) -> Map.entry(rs.getLong(1), new Photo(rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getInt(5)))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                select id, project_id, reported_on, physical_percent, financial_percent, text, recorded_by
                from project_report where project_id = :p order by reported_on desc, id desc
                """).param("p", projectId).query((rs, n) -> new Report(rs.getLong(1), rs.getLong(2),
                        rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6),
                        rs.getString(7), photos.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    public Delays delays(long projectId) {
        Projects.Project p = projects.get(projectId);
        LocalDate today = LocalDate.now();
        List<Milestone> late = milestones(projectId).stream().filter(Milestone::delayed).toList();
        List<Report> reports = reports(projectId);
        BigDecimal physical = reports.isEmpty() ? null : reports.getFirst().physicalPercent();
        LocalDate at = reports.isEmpty() ? today : reports.getFirst().reportedOn();
        BigDecimal expected = expected(p.plannedStart(), p.plannedEnd(), at);
        boolean behind = expected != null && p.stage() == org.minga.projects.Stage.IN_EXECUTION
                && (physical == null ? expected.signum() > 0 : physical.compareTo(expected) < 0);
        return new Delays(late, expected, physical, behind);
    }

    /** The physical progress planned for a date: a straight line from 0 % at the start to 100 % at the end. */
    public static BigDecimal expected(LocalDate start, LocalDate end, LocalDate at) {
        if (start == null || end == null || at == null) {
            return null;
        }
        if (!at.isAfter(start)) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (!at.isBefore(end)) {
            return BigDecimal.valueOf(100).setScale(2);
        }
        long total = ChronoUnit.DAYS.between(start, end);
        long done = ChronoUnit.DAYS.between(start, at);
        return BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
    }

    /** A photo of a project: its type and bytes. */
    public record PhotoContent(String contentType, byte[] content) {
    }

    public PhotoContent photo(long projectId, long photoId) {
        var row = jdbc.sql("select file_id, content_type from project_photo where id = :id and project_id = :p")
                .param("id", photoId).param("p", projectId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("foto", photoId));
        return new PhotoContent((String) row[1], files.content((UUID) row[0]));
    }

    /** image/jpeg or image/png by the file's first bytes; null for anything else. */
    private static BigDecimal percent(String field, BigDecimal value, List<Violation> problems) {
        if (value == null) {
            problems.add(new Violation(field, "Required", "projects.report.percent"));
            return null;
        }
        BigDecimal v = value.setScale(2, RoundingMode.HALF_EVEN);
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new Violation(field, "Range", "projects.report.percent"));
        }
        return v;
    }

    private Milestone milestone(long id) {
        return jdbc.sql("select id, project_id, name, planned_on, actual_on from project_milestone where id = :id")
                .param("id", id).query(Monitoring::mapMilestone).optional()
                .orElseThrow(() -> new NotFoundException("hito", id));
    }

    private static Milestone mapMilestone(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate planned = rs.getDate(4).toLocalDate();
        LocalDate actual = rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate();
        return new Milestone(rs.getLong(1), rs.getLong(2), rs.getString(3), planned, actual,
                actual == null && planned.isBefore(LocalDate.now()));
    }

    private static Map<String, Object> milestoneState(Milestone m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", m.name());
        s.put("plannedOn", m.plannedOn().toString());
        s.put("actualOn", m.actualOn() == null ? null : m.actualOn().toString());
        return s;
    }
}
