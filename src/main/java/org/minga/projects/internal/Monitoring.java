package org.minga.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.FileTypes;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.SystemActor;
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

    private final Bank bank;
    private final Projects projects;
    private final FileStore files;

    Monitoring(Bank bank, Projects projects, FileStore files) {
        this.bank = bank;
        this.projects = projects;
        this.files = files;
    }

    @Transactional
    public Milestone addMilestone(long projectId, String name, LocalDate plannedOn, LocalDate actualOn) {
        Projects.Project p = projects.writable(projectId);
        Checks checks = new Checks();
        String n = Inputs.text(name);
        checks.rule(n != null, "name", "NotBlank", "projects.milestone.name");
        n = checks.optionalText("name", n, 300);
        checks.rule(plannedOn != null, "plannedOn", "Required", "projects.milestone.plannedOn");
        checks.rule(actualOn == null || !actualOn.isAfter(bank.zones().today()), "actualOn", "PastOrPresent",
                "projects.date.future");
        checks.orThrow();
        long id = bank.jdbc().sql("""
                insert into project_milestone (project_id, name, planned_on, actual_on, created_by)
                values (:p, :n, :planned, :actual, :by) returning id
                """).param("p", projectId).param("n", n).param("planned", Date.valueOf(plannedOn))
                .param("actual", actualOn == null ? null : Date.valueOf(actualOn)).param("by", SystemActor.current())
                .query(Long.class).single();
        Milestone m = milestone(id);
        bank.audit().record(Change.created("project_milestone", id, p.schemeId(), "Hito " + n + " del proyecto " + p.code(),
                milestoneState(m)));
        return m;
    }

    /** Records when a milestone was actually reached. */
    @Transactional
    public Milestone reachMilestone(long projectId, long milestoneId, LocalDate actualOn) {
        Projects.Project p = projects.writable(projectId);
        Milestone before = milestone(milestoneId);
        if (before.projectId() != projectId) {
            throw new NotFoundException("hito", milestoneId);
        }
        if (actualOn == null) {
            throw new InvalidInputException("actualOn", "Required", "projects.milestone.actualOn");
        }
        if (actualOn.isAfter(bank.zones().today())) {
            throw new InvalidInputException("actualOn", "PastOrPresent", "projects.date.future");
        }
        bank.jdbc().sql("update project_milestone set actual_on = :a where id = :id").param("id", milestoneId)
                .param("a", Date.valueOf(actualOn)).update();
        Milestone after = milestone(milestoneId);
        bank.audit().record(Change.updated("project_milestone", milestoneId, p.schemeId(), "Hito " + after.name()
                + " cumplido", milestoneState(before), milestoneState(after)));
        return after;
    }

    /** A progress report with its photos; every photo must be a JPEG or PNG within the size limit. */
    @Transactional
    public Report report(long projectId, LocalDate reportedOn, BigDecimal physical, BigDecimal financial,
            String text, List<Upload> photos) {
        Projects.Project p = projects.writable(projectId);
        Checks checks = new Checks();
        checks.rule(reportedOn != null, "reportedOn", "Required", "projects.report.date");
        checks.rule(reportedOn == null || !reportedOn.isAfter(bank.zones().today()), "reportedOn", "PastOrPresent",
                "projects.date.future");
        BigDecimal ph = percent(checks, "physicalPercent", physical);
        BigDecimal fi = percent(checks, "financialPercent", financial);
        String t = checks.optionalText("text", text, 8000);
        List<Upload> uploads = photos == null ? List.of()
                : photos.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        List<String> types = new ArrayList<>();
        for (Upload u : uploads) {
            String type = FileTypes.imageType(u.content());
            if (u.content().length > MAX_PHOTO_BYTES) {
                checks.rule(false, "photo", "Size", "projects.photo.size",
                        String.valueOf(MAX_PHOTO_BYTES / (1024 * 1024)));
            } else {
                checks.rule(type != null, "photo", "ImageType", "projects.photo.type");
            }
            types.add(type);
        }
        checks.orThrow();
        long id = bank.jdbc().sql("""
                insert into project_report (project_id, reported_on, physical_percent, financial_percent, text, recorded_by)
                values (:p, :on, :ph, :fi, :t, :by) returning id
                """).param("p", projectId).param("on", Date.valueOf(reportedOn)).param("ph", ph).param("fi", fi)
                .param("t", t).param("by", SystemActor.current()).query(Long.class).single();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String name = Inputs.text(u.name()) == null ? "foto" : u.name().strip();
            if (name.length() > 200) {
                name = name.substring(0, 200);
            }
            UUID file = files.put(name, types.get(i), u.content());
            bank.jdbc().sql("""
                    insert into project_photo (report_id, project_id, file_id, name, content_type, size_bytes)
                    values (:r, :p, :f, :n, :c, :s)
                    """).param("r", id).param("p", projectId).param("f", file).param("n", name)
                    .param("c", types.get(i)).param("s", u.content().length).update();
        }
        Report r = reports(projectId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        Map<String, Object> state = Bank.state("reportedOn", reportedOn.toString(),
                "physicalPercent", ph.toPlainString(), "financialPercent", fi.toPlainString(),
                "photos", r.photos().size());
        bank.audit().record(Change.created("project_report", id, p.schemeId(), "Informe de avance del proyecto " + p.code(),
                state));
        return r;
    }

    public List<Milestone> milestones(long projectId) {
        return bank.jdbc().sql("""
                select id, project_id, name, planned_on, actual_on from project_milestone where project_id = :p
                order by planned_on, id
                """).param("p", projectId).query(this::mapMilestone).list();
    }

    public List<Report> reports(long projectId) {
        Map<Long, List<Photo>> photos = bank.jdbc().sql("""
                select report_id, id, name, content_type, size_bytes from project_photo where project_id = :p
                order by id
                """).param("p", projectId).query((rs, n) -> Map.entry(rs.getLong("report_id"),
                        new Photo(rs.getLong("id"), rs.getString("name"), rs.getString("content_type"),
                                rs.getInt("size_bytes")))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return bank.jdbc().sql("""
                select id, project_id, reported_on, physical_percent, financial_percent, text, recorded_by
                from project_report where project_id = :p order by reported_on desc, id desc
                """).param("p", projectId).query((rs, n) -> new Report(rs.getLong("id"), rs.getLong("project_id"),
                        rs.getDate("reported_on").toLocalDate(), rs.getBigDecimal("physical_percent"),
                        rs.getBigDecimal("financial_percent"), rs.getString("text"), rs.getString("recorded_by"),
                        photos.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public Delays delays(long projectId) {
        Projects.Project p = projects.get(projectId);
        LocalDate today = bank.zones().today();
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
        record Stored(UUID fileId, String contentType) {
        }
        var row = bank.jdbc().sql("select file_id, content_type from project_photo where id = :id and project_id = :p")
                .param("id", photoId).param("p", projectId).query(Stored.class).optional()
                .orElseThrow(() -> new NotFoundException("foto", photoId));
        return new PhotoContent(row.contentType(), files.content(row.fileId()));
    }

    /** image/jpeg or image/png by the file's first bytes; null for anything else. */
    private static BigDecimal percent(Checks checks, String field, BigDecimal value) {
        checks.rule(value != null, field, "Required", "projects.report.percent");
        if (value == null) {
            return null;
        }
        BigDecimal v = value.setScale(2, RoundingMode.HALF_EVEN);
        checks.rule(v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0, field, "Range",
                "projects.report.percent");
        return v;
    }

    private Milestone milestone(long id) {
        return bank.jdbc().sql("select id, project_id, name, planned_on, actual_on from project_milestone where id = :id")
                .param("id", id).query(this::mapMilestone).optional()
                .orElseThrow(() -> new NotFoundException("hito", id));
    }

    private Milestone mapMilestone(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate planned = rs.getObject("planned_on", LocalDate.class);
        LocalDate actual = rs.getObject("actual_on", LocalDate.class);
        return new Milestone(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"), planned, actual,
                actual == null && planned.isBefore(bank.zones().today()));
    }

    private static Map<String, Object> milestoneState(Milestone m) {
        return Bank.state("name", m.name(), "plannedOn", m.plannedOn().toString(),
                "actualOn", m.actualOn() == null ? null : m.actualOn().toString());
    }
}
