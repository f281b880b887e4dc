package org.minga.projects.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.projects.Stage;
import org.minga.registry.MemberUnits;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Projects of the bank: what they are, where, for whom, which needs they answer, and the dated
 * steps of their lifecycle (catatumbo L600–667).
 */
@Service
public class Projects {

    /** What a project is, as a form or the API sends it. */
    public record Draft(String code, String bpin, String name, String sector, String description, String pillar,
            BigDecimal cost, String currency, Map<String, Object> location, LocalDate plannedStart,
            LocalDate plannedEnd) {
    }

    public record Beneficiary(String unitCode, Integer families, Integer people, Integer women, Integer men) {
    }

    public record BeneficiaryView(String unitCode, String name, Integer families, Integer people, Integer women,
            Integer men) {
    }

    public record StepView(long id, Stage from, Stage to, LocalDate occurredOn, String note, String recordedBy) {
    }

    public record NeedRef(long id, String unitCode, String sector, String description, int priority) {
    }

    public record Project(long id, long schemeId, String code, String bpin, String name, String sector,
            String description, String pillar, Stage stage, LocalDate stageSince, BigDecimal cost, String currency,
            Map<String, Object> location, LocalDate plannedStart, LocalDate plannedEnd, String executor,
            String contractor, String supervisor, String oversight, int version) {

        Map<String, Object> auditState() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("bpin", bpin);
            m.put("name", name);
            m.put("sector", sector);
            m.put("pillar", pillar);
            m.put("stage", stage.name());
            m.put("stageSince", stageSince.toString());
            m.put("cost", cost == null ? null : cost.toPlainString());
            m.put("currency", currency);
            m.put("executor", executor);
            m.put("contractor", contractor);
            m.put("supervisor", supervisor);
            m.put("oversight", oversight);
            return m;
        }
    }

    private static final String ENTITY = "project";
    private static final String COLUMNS = """
            id, scheme_id, code, bpin, name, sector, description, pillar, stage, stage_since, cost, currency,
            location::text, planned_start, planned_end, executor, contractor, supervisor, oversight, version""";
    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final MemberUnits memberUnits;
    private final Scopes scopes;
    private final Territory territory;
    private final AuditLog audit;
    private final ObjectMapper json;

    Projects(JdbcClient jdbc, Schemes schemes, MemberUnits memberUnits, Scopes scopes, Territory territory,
            AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.memberUnits = memberUnits;
        this.schemes = schemes;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
        this.json = json;
    }

    /** A new project at the IDEA stage, dated today, with its beneficiaries and the needs it takes up. */
    @Transactional
    public Project create(long schemeId, Draft draft, List<Beneficiary> beneficiaries, List<Long> needIds) {
        return create(schemeId, draft, beneficiaries, needIds, LocalDate.now());
    }

    /**
     * A new project at the IDEA stage registered on a past date, for a bank that brings its history
     * into Minga (the later steps can then keep their real dates); never in the future.
     */
    @Transactional
    public Project create(long schemeId, Draft draft, List<Beneficiary> beneficiaries, List<Long> needIds,
            LocalDate registeredOn) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        List<Violation> problems = new ArrayList<>();
        if (registeredOn == null || registeredOn.isAfter(LocalDate.now())) {
            problems.add(new Violation("registeredOn", "PastOrPresent", "projects.stage.date.future"));
        }
        Draft d = check(schemeId, draft, 0, problems);
        List<Beneficiary> bens = checkBeneficiaries(schemeId, scheme.getCountry().name(), beneficiaries, problems);
        List<Long> needs = checkNeeds(schemeId, needIds, problems);
        Guard.throwIfAny(problems);
        LocalDate today = registeredOn;
        long id = jdbc.sql("""
                insert into project (scheme_id, code, bpin, name, sector, description, pillar, stage, stage_since,
                    cost, currency, location, planned_start, planned_end)
                values (:s, :code, :bpin, :name, :sector, :description, :pillar, 'IDEA', :since, :cost, :currency,
                    cast(:location as jsonb), :start, :end) returning id
                """).param("s", schemeId).param("code", d.code()).param("bpin", d.bpin()).param("name", d.name())
                .param("sector", d.sector()).param("description", d.description()).param("pillar", d.pillar())
                .param("since", Date.valueOf(today)).param("cost", d.cost()).param("currency", d.currency())
                .param("location", d.location() == null ? null : json.writeValueAsString(d.location()))
                .param("start", date(d.plannedStart())).param("end", date(d.plannedEnd()))
                .query(Long.class).single();
        jdbc.sql("""
                insert into project_step (project_id, from_stage, to_stage, occurred_on, note, recorded_by)
                values (:p, null, 'IDEA', :on, :note, :by)
                """).param("p", id).param("on", Date.valueOf(today)).param("note", "Registro en el banco de proyectos")
                .param("by", Guard.actor()).update();
        for (Beneficiary b : bens) {
            insertBeneficiary(id, b);
        }
        linkNeeds(id, needs);
        Project p = get(id);
        Map<String, Object> state = p.auditState();
        state.put("beneficiaries", bens.stream().map(Beneficiary::unitCode).toList());
        state.put("needs", needs);
        audit.record(Change.created(ENTITY, id, schemeId, "Proyecto " + p.code() + " " + p.name(), state));
        return p;
    }

    /** Turns one or more open needs of the scheme into a project that benefits their units. */
    @Transactional
    public Project fromNeeds(long schemeId, Draft draft, List<Long> needIds) {
        scopes.requireSchemeWrite(schemeId);
        if (needIds == null || needIds.isEmpty()) {
            throw new InvalidInputException("needIds", "NotEmpty", "projects.needs.required");
        }
        List<Beneficiary> bens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Long needId : needIds) {
            var need = jdbc.sql("select unit_code, sector from investment_need where id = :id and scheme_id = :s")
                    .param("id", needId).param("s", schemeId).query((rs, n) -> new String[] {rs.getString(1),
                            rs.getString(2)}).optional();
            if (need.isPresent() && seen.add(need.get()[0])) {
                bens.add(new Beneficiary(need.get()[0], null, null, null, null));
            }
        }
        Draft d = draft;
        if (Guard.blankToNull(d.sector()) == null && !needIds.isEmpty()) {
            String sector = jdbc.sql("select sector from investment_need where id = :id and scheme_id = :s")
                    .param("id", needIds.getFirst()).param("s", schemeId).query(String.class).optional().orElse(null);
            d = new Draft(d.code(), d.bpin(), d.name(), sector, d.description(), d.pillar(), d.cost(), d.currency(),
                    d.location(), d.plannedStart(), d.plannedEnd());
        }
        return create(schemeId, d, bens, needIds);
    }

    @Transactional
    public Project update(long id, Draft draft) {
        Project before = get(id);
        scopes.requireSchemeWrite(before.schemeId());
        List<Violation> problems = new ArrayList<>();
        Draft d = check(before.schemeId(), draft, id, problems);
        Guard.throwIfAny(problems);
        int n = jdbc.sql("""
                update project set code = :code, bpin = :bpin, name = :name, sector = :sector,
                    description = :description, pillar = :pillar, cost = :cost, currency = :currency,
                    location = cast(:location as jsonb), planned_start = :start, planned_end = :end,
                    updated_at = now(), version = version + 1
                where id = :id and version = :v
                """).param("id", id).param("v", before.version()).param("code", d.code()).param("bpin", d.bpin())
                .param("name", d.name()).param("sector", d.sector()).param("description", d.description())
                .param("pillar", d.pillar()).param("cost", d.cost()).param("currency", d.currency())
                .param("location", d.location() == null ? null : json.writeValueAsString(d.location()))
                .param("start", date(d.plannedStart())).param("end", date(d.plannedEnd())).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("project " + id);
        }
        Project after = get(id);
        audit.record(Change.updated(ENTITY, id, after.schemeId(), "Proyecto " + after.code(), before.auditState(),
                after.auditState()));
        return after;
    }

    /** Who executes, builds, supervises (interventoría) and watches over (veeduría) the project. */
    @Transactional
    public Project execution(long id, String executor, String contractor, String supervisor, String oversight) {
        Project before = get(id);
        scopes.requireSchemeWrite(before.schemeId());
        List<Violation> problems = new ArrayList<>();
        String e = Guard.optional("executor", executor, 300, problems);
        String c = Guard.optional("contractor", contractor, 300, problems);
        String s = Guard.optional("supervisor", supervisor, 300, problems);
        String o = Guard.optional("oversight", oversight, 300, problems);
        Guard.throwIfAny(problems);
        jdbc.sql("""
                update project set executor = :e, contractor = :c, supervisor = :s, oversight = :o,
                    updated_at = now(), version = version + 1 where id = :id
                """).param("id", id).param("e", e).param("c", c).param("s", s).param("o", o).update();
        Project after = get(id);
        audit.record(Change.updated(ENTITY, id, after.schemeId(), "Ejecución del proyecto " + after.code(),
                before.auditState(), after.auditState()));
        return after;
    }

    /** Moves the project one allowed step, dated not in the future and not before its previous step. */
    @Transactional
    public Project changeStage(long id, String stage, LocalDate on, String note) {
        Project before = get(id);
        scopes.requireSchemeWrite(before.schemeId());
        Stage target = Stage.parse(stage);
        if (target == null) {
            throw new InvalidInputException("stage", "OneOf", "projects.stage.unknown");
        }
        List<Stage> next = nextStages(before);
        if (!next.contains(target)) {
            String possible = next.isEmpty() ? "ninguno"
                    : String.join(", ", next.stream().map(Stage::label).toList());
            throw new InvalidInputException("stage", "Transition", "projects.stage.transition",
                    before.stage().label(), target.label(), possible);
        }
        List<Violation> problems = new ArrayList<>();
        if (on == null) {
            problems.add(new Violation("on", "Required", "projects.stage.date.required"));
        } else if (on.isAfter(LocalDate.now())) {
            problems.add(new Violation("on", "PastOrPresent", "projects.stage.date.future"));
        } else if (on.isBefore(before.stageSince())) {
            problems.add(new Violation("on", "Date", "projects.stage.date.before", before.stageSince().toString()));
        }
        String text = Guard.optional("note", note, 2000, problems);
        Guard.throwIfAny(problems);
        int n = jdbc.sql("""
                update project set stage = :to, stage_since = :on, updated_at = now(), version = version + 1
                where id = :id and stage = :from
                """).param("id", id).param("to", target.name()).param("on", Date.valueOf(on))
                .param("from", before.stage().name()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("project " + id);
        }
        jdbc.sql("""
                insert into project_step (project_id, from_stage, to_stage, occurred_on, note, recorded_by)
                values (:p, :from, :to, :on, :note, :by)
                """).param("p", id).param("from", before.stage().name()).param("to", target.name())
                .param("on", Date.valueOf(on)).param("note", text).param("by", Guard.actor()).update();
        Project after = get(id);
        audit.record(Change.updated(ENTITY, id, after.schemeId(), "Proyecto " + after.code() + ": "
                + before.stage().label() + " → " + target.label(), before.auditState(), after.auditState()));
        return after;
    }

    /** Adds or replaces one beneficiary unit with its families and people. */
    @Transactional
    public BeneficiaryView putBeneficiary(long id, Beneficiary beneficiary) {
        Project p = get(id);
        scopes.requireSchemeWrite(p.schemeId());
        List<Violation> problems = new ArrayList<>();
        List<Beneficiary> checked = checkBeneficiaries(p.schemeId(), schemes.get(p.schemeId()).getCountry().name(),
                List.of(beneficiary), problems);
        Guard.throwIfAny(problems);
        Beneficiary b = checked.getFirst();
        jdbc.sql("delete from project_beneficiary where project_id = :p and unit_code = :u").param("p", id)
                .param("u", b.unitCode()).update();
        insertBeneficiary(id, b);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("unitCode", b.unitCode());
        state.put("families", b.families());
        state.put("people", b.people());
        state.put("women", b.women());
        state.put("men", b.men());
        audit.record(Change.created("project_beneficiary", id + "/" + b.unitCode(), p.schemeId(),
                "Beneficiario " + b.unitCode() + " del proyecto " + p.code(), state));
        return beneficiaries(id).stream().filter(v -> v.unitCode().equals(b.unitCode())).findFirst().orElseThrow();
    }

    @Transactional
    public void removeBeneficiary(long id, String unitCode) {
        Project p = get(id);
        scopes.requireSchemeWrite(p.schemeId());
        int n = jdbc.sql("delete from project_beneficiary where project_id = :p and unit_code = :u").param("p", id)
                .param("u", unitCode).update();
        if (n == 0) {
            throw new NotFoundException("beneficiario", unitCode);
        }
        audit.record(Change.deleted("project_beneficiary", id + "/" + unitCode, p.schemeId(),
                "Beneficiario " + unitCode + " del proyecto " + p.code(), Map.of("unitCode", unitCode)));
    }

    /** Links needs of the same scheme to the project; each linked need is then IN_PROJECT. */
    @Transactional
    public List<NeedRef> addNeeds(long id, List<Long> needIds) {
        Project p = get(id);
        scopes.requireSchemeWrite(p.schemeId());
        List<Violation> problems = new ArrayList<>();
        List<Long> ids = checkNeeds(p.schemeId(), needIds, problems);
        if (ids.isEmpty() && problems.isEmpty()) {
            problems.add(new Violation("needIds", "NotEmpty", "projects.needs.required"));
        }
        Guard.throwIfAny(problems);
        linkNeeds(id, ids);
        audit.record(Change.updated(ENTITY, id, p.schemeId(), "Necesidades del proyecto " + p.code(), null,
                Map.of("needs", ids)));
        return needs(id);
    }

    /**
     * The project, when the current user may read its scheme's records; otherwise 404, as if it did not
     * exist (an id-only path must not confirm another scheme's ids). Published projects are read by
     * anyone at {@code /public/projects/{id}}.
     */
    public Project readable(long id) {
        Project p = get(id);
        if (!scopes.canReadScheme(p.schemeId())) {
            throw new NotFoundException("proyecto", id);
        }
        return p;
    }

    public Project get(long id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = :id").param("id", id)
                .query((rs, n) -> new Project(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        Stage.valueOf(rs.getString(9)), rs.getDate(10).toLocalDate(), rs.getBigDecimal(11),
                        rs.getString(12).strip(), location(rs.getString(13)), localDate(rs.getDate(14)),
                        localDate(rs.getDate(15)), rs.getString(16), rs.getString(17), rs.getString(18),
                        rs.getString(19), rs.getInt(20)))
                .optional().orElseThrow(() -> new NotFoundException("proyecto", id));
    }

    public List<Stage> nextStages(Project p) {
        Stage suspendedFrom = null;
        if (p.stage() == Stage.SUSPENDED) {
            suspendedFrom = jdbc.sql("""
                    select from_stage from project_step where project_id = :p and to_stage = 'SUSPENDED'
                    order by id desc limit 1
                    """).param("p", p.id()).query(String.class).optional().map(Stage::valueOf).orElse(null);
        }
        return p.stage().next(suspendedFrom);
    }

    public List<StepView> steps(long id) {
        return jdbc.sql("""
                select id, from_stage, to_stage, occurred_on, note, recorded_by from project_step
                where project_id = :p order by occurred_on, id
                """).param("p", id).query((rs, n) -> new StepView(rs.getLong(1),
                        rs.getString(2) == null ? null : Stage.valueOf(rs.getString(2)), Stage.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6))).list();
    }

    public List<BeneficiaryView> beneficiaries(long id) {
        Project p = get(id);
        record Row(String code, Integer families, Integer people, Integer women, Integer men) {
        }
        List<Row> rows = jdbc.sql("""
                select unit_code, families, people, women, men from project_beneficiary where project_id = :p
                order by unit_code
                """).param("p", id).query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5))).list();
        Map<String, TerritorialUnit> units = territory.findAll(schemes.get(p.schemeId()).getCountry().name(),
                rows.stream().map(Row::code).toList(), LocalDate.now());
        return rows.stream().map(r -> new BeneficiaryView(r.code(),
                units.containsKey(r.code()) ? units.get(r.code()).name() : r.code(), r.families(), r.people(),
                r.women(), r.men())).toList();
    }

    public List<NeedRef> needs(long id) {
        return jdbc.sql("""
                select n.id, n.unit_code, n.sector, n.description, n.priority from project_need pn
                join investment_need n on n.id = pn.need_id where pn.project_id = :p order by n.id
                """).param("p", id).query((rs, n) -> new NeedRef(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).list();
    }

    /** Validates a GeoJSON Point or Polygon: its type and coordinates within range. */
    @SuppressWarnings("unchecked")
    public static boolean validLocation(Map<String, Object> location) {
        if (location == null) {
            return true;
        }
        Object type = location.get("type");
        Object coordinates = location.get("coordinates");
        if ("Point".equals(type)) {
            return position(coordinates);
        }
        if ("Polygon".equals(type) && coordinates instanceof List<?> rings && !rings.isEmpty()) {
            for (Object ring : rings) {
                if (!(ring instanceof List<?> positions) || positions.size() < 4) {
                    return false;
                }
                for (Object pos : positions) {
                    if (!position(pos)) {
                        return false;
                    }
                }
                if (!Objects.equals(numbers((List<Object>) positions.getFirst()),
                        numbers((List<Object>) positions.getLast()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Double> numbers(List<Object> pos) {
        return pos.stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    private static boolean position(Object value) {
        if (!(value instanceof List<?> pos) || pos.size() < 2 || pos.size() > 3) {
            return false;
        }
        for (Object o : pos) {
            if (!(o instanceof Number)) {
                return false;
            }
        }
        double lon = ((Number) pos.get(0)).doubleValue();
        double lat = ((Number) pos.get(1)).doubleValue();
        return Double.isFinite(lon) && Double.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> parseLocation(String text) {
        if (Guard.blankToNull(text) == null) {
            return null;
        }
        try {
            return json.readValue(text, Map.class);
        } catch (RuntimeException e) {
            return Map.of("type", "invalid");
        }
    }

    private Draft check(long schemeId, Draft d, long id, List<Violation> problems) {
        if (d == null) {
            d = new Draft(null, null, null, null, null, null, null, null, null, null, null);
        }
        String code = Guard.required("code", d.code(), 60, "projects.code.required", problems);
        if (code != null && jdbc.sql("select count(*) from project where scheme_id = :s and code = :c and id <> :id")
                .param("s", schemeId).param("c", code).param("id", id).query(Long.class).single() > 0) {
            problems.add(new Violation("code", "Unique", "projects.code.taken", code));
        }
        String bpin = Guard.blankToNull(d.bpin());
        if (bpin != null && !bpin.matches("\\d{1,20}")) {
            problems.add(new Violation("bpin", "Digits", "projects.bpin.digits"));
        }
        String name = Guard.required("name", d.name(), 300, "projects.name.required", problems);
        String sector = Guard.required("sector", d.sector(), 100, "projects.sector.required", problems);
        String description = Guard.optional("description", d.description(), 4000, problems);
        String pillar = Guard.optional("pillar", d.pillar(), 100, problems);
        BigDecimal cost = Guard.money(d.cost());
        if (cost != null && cost.signum() < 0) {
            problems.add(new Violation("cost", "PositiveOrZero", "projects.cost.negative"));
        }
        String currency = Guard.currency("currency", d.currency(), problems);
        if (!validLocation(d.location())) {
            problems.add(new Violation("location", "GeoJson", "projects.location.invalid"));
        }
        if (d.plannedStart() != null && d.plannedEnd() != null && d.plannedEnd().isBefore(d.plannedStart())) {
            problems.add(new Violation("plannedEnd", "After", "projects.plannedEnd.before"));
        }
        return new Draft(code, bpin, name, sector, description, pillar, cost, currency, d.location(),
                d.plannedStart(), d.plannedEnd());
    }

    /**
     * Each beneficiary a unit that exists today in the scheme's country and is a member today (a
     * project of the scheme benefits its members; otherwise it would show in another unit's list of
     * projects), once, women and men within people.
     */
    private List<Beneficiary> checkBeneficiaries(long schemeId, String country, List<Beneficiary> list,
            List<Violation> problems) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Beneficiary> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> codes = list.stream().filter(Objects::nonNull).map(b -> b.unitCode() == null ? ""
                : b.unitCode().strip().toUpperCase()).toList();
        Map<String, TerritorialUnit> units = territory.findAll(country, codes.stream().filter(c -> !c.isEmpty())
                .distinct().toList(), LocalDate.now());
        var members = memberUnits.coverage(schemeId, LocalDate.now());
        int i = 0;
        for (Beneficiary b : list) {
            if (b == null) {
                continue;
            }
            String code = codes.get(i++);
            String field = list.size() == 1 ? "unitCode" : "beneficiaries[" + (i - 1) + "].unitCode";
            if (code.isEmpty()) {
                problems.add(new Violation(field, "NotBlank", "projects.unit.required"));
                continue;
            }
            if (!units.containsKey(code)) {
                problems.add(new Violation(field, "Exists", "projects.unit.unknown", country, code));
                continue;
            }
            if (!members.test(units.get(code))) {
                problems.add(new Violation(field, "Member", "registry.unit.notMember", code, LocalDate.now().toString()));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(new Violation(field, "Unique", "projects.beneficiary.repeated", code));
                continue;
            }
            for (var f : new Object[][] {{"families", b.families()}, {"people", b.people()}, {"women", b.women()},
                    {"men", b.men()}}) {
                if (f[1] != null && (Integer) f[1] < 0) {
                    problems.add(new Violation((String) f[0], "PositiveOrZero", "projects.beneficiary.negative"));
                }
            }
            if (b.people() != null && (b.women() != null || b.men() != null)
                    && Objects.requireNonNullElse(b.women(), 0) + Objects.requireNonNullElse(b.men(), 0) > b.people()) {
                problems.add(new Violation(list.size() == 1 ? "people" : "beneficiaries[" + (i - 1) + "].people",
                        "WomenAndMenWithinPeople", "projects.beneficiary.people"));
            }
            clean.add(new Beneficiary(code, b.families(), b.people(), b.women(), b.men()));
        }
        return clean;
    }

    private List<Long> checkNeeds(long schemeId, Collection<Long> needIds, List<Violation> problems) {
        if (needIds == null || needIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = needIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> found = new LinkedHashMap<>();
        jdbc.sql("select id, status from investment_need where scheme_id = :s and id in (:ids)").param("s", schemeId)
                .param("ids", ids).query(rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                });
        for (Long nid : ids) {
            if (!found.containsKey(nid)) {
                problems.add(new Violation("needIds", "Exists", "projects.need.unknown", String.valueOf(nid)));
            } else if (!Set.of("OPEN", "IN_PROJECT").contains(found.get(nid))) {
                problems.add(new Violation("needIds", "Open", "projects.need.closed", String.valueOf(nid)));
            }
        }
        return ids;
    }

    private void linkNeeds(long projectId, List<Long> needIds) {
        for (Long nid : needIds) {
            jdbc.sql("insert into project_need (project_id, need_id) values (:p, :n) on conflict do nothing")
                    .param("p", projectId).param("n", nid).update();
        }
        if (!needIds.isEmpty()) {
            jdbc.sql("update investment_need set status = 'IN_PROJECT' where id in (:ids)").param("ids", needIds)
                    .update();
        }
    }

    private void insertBeneficiary(long projectId, Beneficiary b) {
        jdbc.sql("""
                insert into project_beneficiary (project_id, unit_code, families, people, women, men)
                values (:p, :u, :f, :pe, :w, :m)
                """).param("p", projectId).param("u", b.unitCode()).param("f", b.families())
                .param("pe", b.people()).param("w", b.women()).param("m", b.men()).update();
    }

    private Map<String, Object> location(String text) {
        return text == null ? null : parseLocation(text);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
