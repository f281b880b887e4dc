package org.minga.projects.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.projects.Stage;
import org.minga.registry.Scheme;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Projects of the bank: what they are, where, for whom and which needs they answer (catatumbo
 * L600–667). The rules of a project's data are {@link ProjectRules}; its lifecycle is
 * {@link ProjectSteps}; its beneficiary units {@link ProjectBeneficiaries}.
 */
@Service
public class Projects {

    /** What a project is, as a form or the API sends it. */
    public record Draft(@NotBlank @Size(max = 60) String code, String bpin, @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String sector, @Size(max = 4000) String description,
            @Size(max = 100) String pillar, BigDecimal cost, String currency, Map<String, Object> location,
            LocalDate plannedStart, LocalDate plannedEnd) {
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

    /** Who executes, builds, supervises (interventoría) and watches over (veeduría) the project. */
    public record Execution(@Size(max = 300) String executor, @Size(max = 300) String contractor,
            @Size(max = 300) String supervisor, @Size(max = 300) String oversight) {
    }

    public record Project(long id, long schemeId, String code, String bpin, String name, String sector,
            String description, String pillar, Stage stage, LocalDate stageSince, BigDecimal cost, String currency,
            Map<String, Object> location, LocalDate plannedStart, LocalDate plannedEnd, String executor,
            String contractor, String supervisor, String oversight, int version) {

        Map<String, Object> auditState() {
            return Bank.state("code", code, "bpin", bpin, "name", name, "sector", sector, "pillar", pillar,
                    "stage", stage.name(), "stageSince", stageSince.toString(),
                    "cost", cost == null ? null : cost.toPlainString(), "currency", currency, "executor", executor,
                    "contractor", contractor, "supervisor", supervisor, "oversight", oversight);
        }
    }

    static final String ENTITY = "project";
    private static final String COLUMNS = """
            id, scheme_id, code, bpin, name, sector, description, pillar, stage, stage_since, cost, currency,
            location::text as location, planned_start, planned_end, executor, contractor, supervisor, oversight,
            version""";
    private final Bank bank;
    private final Sectors sectors;
    private final ObjectMapper json;

    Projects(Bank bank, Sectors sectors, ObjectMapper json) {
        this.bank = bank;
        this.sectors = sectors;
        this.json = json;
    }

    /** A new project at the IDEA stage, dated today, with its beneficiaries and the needs it takes up. */
    @Transactional
    public Project create(long schemeId, Draft draft, List<Beneficiary> beneficiaries, List<Long> needIds) {
        return create(schemeId, draft, beneficiaries, needIds,
                bank.today(schemeId));
    }

    /**
     * A new project at the IDEA stage registered on a past date, for a bank that brings its history
     * into Minga (the later steps can then keep their real dates); never in the future.
     */
    @Transactional
    public Project create(long schemeId, Draft draft, List<Beneficiary> beneficiaries, List<Long> needIds,
            LocalDate registeredOn) {
        bank.scopes().requireSchemeWrite(schemeId);
        Scheme scheme = bank.schemes().get(schemeId);
        String country = scheme.getCountry().name();
        Checks checks = new Checks();
        checks.rule(registeredOn != null && !registeredOn.isAfter(bank.zones().today(country)), "registeredOn",
                "PastOrPresent", "projects.stage.date.future");
        Draft d = check(checks, schemeId, country, draft, 0, null);
        List<Beneficiary> bens = checkBeneficiaries(checks, schemeId, country, beneficiaries);
        List<Long> needs = checkNeeds(checks, schemeId, needIds);
        checks.orThrow();
        long id = bank.jdbc().sql("""
                insert into project (scheme_id, code, bpin, name, sector, description, pillar, stage, stage_since,
                    cost, currency, location, planned_start, planned_end)
                values (:s, :code, :bpin, :name, :sector, :description, :pillar, 'IDEA', :since, :cost, :currency,
                    cast(:location as jsonb), :start, :end) returning id
                """).param("s", schemeId).params(params(d)).param("since", Date.valueOf(registeredOn))
                .query(Long.class).single();
        bank.jdbc().sql("""
                insert into project_step (project_id, from_stage, to_stage, occurred_on, note, recorded_by)
                values (:p, null, 'IDEA', :on, :note, :by)
                """).param("p", id).param("on", Date.valueOf(registeredOn)).param("note", "Registro en el banco de proyectos")
                .param("by", SystemActor.current()).update();
        for (Beneficiary b : bens) {
            ProjectBeneficiaries.insert(bank.jdbc(), id, b);
        }
        linkNeeds(id, needs);
        Project p = get(id);
        Map<String, Object> state = p.auditState();
        state.put("beneficiaries", bens.stream().map(Beneficiary::unitCode).toList());
        state.put("needs", needs);
        bank.audit().record(Change.created(ENTITY, id, schemeId, "Proyecto " + p.code() + " " + p.name(), state));
        return p;
    }

    /** Turns one or more open needs of the scheme into a project that benefits their units. */
    @Transactional
    public Project fromNeeds(long schemeId, Draft draft, List<Long> needIds) {
        bank.scopes().requireSchemeWrite(schemeId);
        if (needIds == null || needIds.isEmpty()) {
            throw new InvalidInputException("needIds", "NotEmpty", "projects.needs.required");
        }
        record NeedUnit(String unitCode, String sector) {
        }
        List<Beneficiary> bens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String firstSector = null;
        for (Long needId : needIds) {
            var need = bank.jdbc().sql("select unit_code, sector from investment_need where id = :id and scheme_id = :s")
                    .param("id", needId).param("s", schemeId).query(NeedUnit.class).optional();
            if (need.isPresent() && needId.equals(needIds.getFirst())) {
                firstSector = need.get().sector();
            }
            if (need.isPresent() && seen.add(need.get().unitCode())) {
                bens.add(new Beneficiary(need.get().unitCode(), null, null, null, null));
            }
        }
        Draft d = draft == null ? new Draft(null, null, null, null, null, null, null, null, null, null, null) : draft;
        if (Inputs.text(d.sector()) == null) {
            d = new Draft(d.code(), d.bpin(), d.name(), firstSector, d.description(), d.pillar(), d.cost(),
                    d.currency(), d.location(), d.plannedStart(), d.plannedEnd());
        }
        return create(schemeId, d, bens, needIds);
    }

    @Transactional
    public Project update(long id, Draft draft) {
        Project before = writable(id);
        Checks checks = new Checks();
        Draft d = check(checks, before.schemeId(), bank.country(before.schemeId()), draft, id, before.sector());
        checks.orThrow();
        int n = bank.jdbc().sql("""
                update project set code = :code, bpin = :bpin, name = :name, sector = :sector,
                    description = :description, pillar = :pillar, cost = :cost, currency = :currency,
                    location = cast(:location as jsonb), planned_start = :start, planned_end = :end,
                    updated_at = now(), version = version + 1
                where id = :id and version = :v
                """).param("id", id).param("v", before.version()).params(params(d)).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("project " + id);
        }
        Project after = get(id);
        bank.audit().record(Change.updated(ENTITY, id, after.schemeId(), "Proyecto " + after.code(), before.auditState(),
                after.auditState()));
        return after;
    }

    /** Who executes, builds, supervises (interventoría) and watches over (veeduría) the project. */
    @Transactional
    public Project execution(long id, Execution execution) {
        Project before = writable(id);
        Execution e = Checks.require(execution == null ? new Execution(null, null, null, null) : execution);
        bank.jdbc().sql("""
                update project set executor = :e, contractor = :c, supervisor = :s, oversight = :o,
                    updated_at = now(), version = version + 1 where id = :id
                """).param("id", id).param("e", Inputs.text(e.executor())).param("c", Inputs.text(e.contractor()))
                .param("s", Inputs.text(e.supervisor())).param("o", Inputs.text(e.oversight())).update();
        Project after = get(id);
        bank.audit().record(Change.updated(ENTITY, id, after.schemeId(), "Ejecución del proyecto " + after.code(),
                before.auditState(), after.auditState()));
        return after;
    }

    /** Links needs of the same scheme to the project; each linked need is then IN_PROJECT. */
    @Transactional
    public List<NeedRef> addNeeds(long id, List<Long> needIds) {
        Project p = writable(id);
        Checks checks = new Checks();
        List<Long> ids = checkNeeds(checks, p.schemeId(), needIds);
        checks.rule(!ids.isEmpty() || !checks.ok(), "needIds", "NotEmpty", "projects.needs.required");
        checks.orThrow();
        linkNeeds(id, ids);
        bank.audit().record(Change.updated(ENTITY, id, p.schemeId(), "Necesidades del proyecto " + p.code(), null,
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
        if (!bank.scopes().canReadScheme(p.schemeId())) {
            throw new NotFoundException("proyecto", id);
        }
        return p;
    }

    /** The project, when the current user may write its scheme's records; refused otherwise. */
    public Project writable(long id) {
        Project p = get(id);
        bank.scopes().requireSchemeWrite(p.schemeId());
        return p;
    }

    public Project get(long id) {
        return bank.jdbc().sql("select " + COLUMNS + " from project where id = :id").param("id", id)
                .query(this::project).optional().orElseThrow(() -> new NotFoundException("proyecto", id));
    }

    public List<NeedRef> needs(long id) {
        return bank.jdbc().sql("""
                select n.id, n.unit_code, n.sector, n.description, n.priority from project_need pn
                join investment_need n on n.id = pn.need_id where pn.project_id = :p order by n.id
                """).param("p", id).query(NeedRef.class).list();
    }

    /** A location typed as GeoJSON text; a text that is not JSON is kept as an invalid location. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parseLocation(String text) {
        if (Inputs.text(text) == null) {
            return null;
        }
        try {
            return json.readValue(text, Map.class);
        } catch (RuntimeException e) {
            return Map.of("type", "invalid");
        }
    }

    /** A location as the GeoJSON text a form shows; null for none. */
    public String locationText(Map<String, Object> location) {
        return location == null ? null : json.writeValueAsString(location);
    }

    private Project project(ResultSet rs, int n) throws SQLException {
        Date start = rs.getDate("planned_start");
        Date end = rs.getDate("planned_end");
        String location = rs.getString("location");
        return new Project(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("code"), rs.getString("bpin"),
                rs.getString("name"), rs.getString("sector"), rs.getString("description"), rs.getString("pillar"),
                Stage.valueOf(rs.getString("stage")), rs.getDate("stage_since").toLocalDate(),
                rs.getBigDecimal("cost"), rs.getString("currency").strip(),
                location == null ? null : parseLocation(location), start == null ? null : start.toLocalDate(),
                end == null ? null : end.toLocalDate(), rs.getString("executor"), rs.getString("contractor"),
                rs.getString("supervisor"), rs.getString("oversight"), rs.getInt("version"));
    }

    private Map<String, Object> params(Draft d) {
        return Bank.state("code", d.code(), "bpin", d.bpin(), "name", d.name(), "sector", d.sector(),
                "description", d.description(), "pillar", d.pillar(), "cost", d.cost(), "currency", d.currency(),
                "location", d.location() == null ? null : json.writeValueAsString(d.location()),
                "start", d.plannedStart() == null ? null : Date.valueOf(d.plannedStart()),
                "end", d.plannedEnd() == null ? null : Date.valueOf(d.plannedEnd()));
    }

    private Draft check(Checks checks, long schemeId, String country, Draft draft, long id, String keptSector) {
        String code = draft == null ? null : Inputs.text(draft.code());
        boolean taken = code != null && bank.jdbc().sql(
                "select count(*) > 0 from project where scheme_id = :s and code = :c and id <> :id")
                .param("s", schemeId).param("c", code).param("id", id).query(Boolean.class).single();
        return ProjectRules.draft(checks, draft, taken, sectors.of(country), keptSector);
    }

    /** The beneficiaries checked against the units that exist and are members today: two reads. */
    private List<Beneficiary> checkBeneficiaries(Checks checks, long schemeId, String country,
            List<Beneficiary> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        LocalDate today = bank.zones().today(country);
        List<String> codes = list.stream().filter(Objects::nonNull).map(b -> ProjectRules.unitCode(b.unitCode()))
                .filter(c -> !c.isEmpty()).distinct().toList();
        return ProjectRules.beneficiaries(checks, country, list, bank.territory().findAll(country, codes, today),
                bank.memberUnits().coverage(schemeId, today), today, ProjectRules.fieldsOf(list.size()));
    }

    private List<Long> checkNeeds(Checks checks, long schemeId, Collection<Long> needIds) {
        if (needIds == null || needIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = needIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> found = new LinkedHashMap<>();
        bank.jdbc().sql("select id, status from investment_need where scheme_id = :s and id in (:ids)").param("s", schemeId)
                .param("ids", ids).query(rs -> {
                    found.put(rs.getLong("id"), rs.getString("status"));
                });
        for (Long nid : ids) {
            if (!found.containsKey(nid)) {
                checks.rule(false, "needIds", "Exists", "projects.need.unknown", String.valueOf(nid));
            } else {
                checks.rule(Set.of("OPEN", "IN_PROJECT").contains(found.get(nid)), "needIds", "Open",
                        "projects.need.closed", String.valueOf(nid));
            }
        }
        return ids;
    }

    private void linkNeeds(long projectId, List<Long> needIds) {
        for (Long nid : needIds) {
            bank.jdbc().sql("insert into project_need (project_id, need_id) values (:p, :n) on conflict do nothing")
                    .param("p", projectId).param("n", nid).update();
        }
        if (!needIds.isEmpty()) {
            bank.jdbc().sql("update investment_need set status = 'IN_PROJECT' where id in (:ids)").param("ids", needIds)
                    .update();
        }
    }
}
