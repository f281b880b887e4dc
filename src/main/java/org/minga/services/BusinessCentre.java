package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Currency;
import org.minga.platform.Money;
import org.minga.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small-business centre (CDMYPE): the firms it serves, services delivered, action plans,
 * subsidised technical assistance with its cost share (the centre pays 90 %, or 95 % for
 * women-owned, rural or associative firms, by default) and seed capital granted.
 */
@Service
public class BusinessCentre {

    public enum AgeGroup { UNDER_30, FROM_30_TO_59, FROM_60 }

    public record FirmInput(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 100) String sector, String ownerSex,
            String ownerAgeGroup, @NotNull Boolean rural, @NotNull Boolean associative, @Size(max = 20) String unitCode) {
    }

    /** The owner's sex as the centre reports it (women-owned firms get the preferential subsidy). */
    public enum Sex { F, M }

    public record ServiceInput(@NotNull LocalDate deliveredOn, @NotBlank @Size(max = 200) String kind,
            @NotBlank @Size(max = 2000) String description) {
    }

    public record PlanInput(@NotNull LocalDate agreedOn, @NotBlank @Size(max = 500) String goal,
            @NotBlank @Size(max = 4000) String actions) {
    }

    public record AssistanceInput(@NotNull LocalDate approvedOn, @NotBlank @Size(max = 300) String provider,
            @NotBlank @Size(max = 2000) String description, BigDecimal cost) {
    }

    public record SeedInput(@NotNull LocalDate grantedOn, BigDecimal amount, @NotBlank @Size(max = 500) String purpose) {
    }

    /**
     * A firm. Its owner's sex and age group are personal data, and so is {@code preferential} (it can
     * reveal the sex): null in the view of readers who may not see them ({@link #withoutOwner()}).
     */
    public record Firm(long id, long lineId, String name, String sector, String ownerSex, AgeGroup ownerAgeGroup, boolean rural,
            boolean associative, String unitCode, Boolean preferential) {

        /** Women-owned, rural or associative firms get the preferential subsidy. */
        static Firm of(long id, long lineId, String name, String sector, String ownerSex, AgeGroup ownerAgeGroup, boolean rural,
                boolean associative, String unitCode) {
            return new Firm(id, lineId, name, sector, ownerSex, ownerAgeGroup, rural, associative, unitCode,
                    "F".equals(ownerSex) || rural || associative);
        }

        public Firm withoutOwner() {
            return new Firm(id, lineId, name, sector, null, null, rural, associative, unitCode, null);
        }
    }

    public record ServiceRecord(long id, LocalDate deliveredOn, String kind, String description) {
    }

    public record ActionPlan(long id, LocalDate agreedOn, String goal, String actions) {
    }

    public record Assistance(long id, LocalDate approvedOn, String provider, String description, BigDecimal cost,
            BigDecimal subsidyPercent, BigDecimal subsidy, BigDecimal firmShare, boolean preferential) {
    }

    public record SeedCapital(long id, LocalDate grantedOn, BigDecimal amount, String purpose) {
    }

    public record FirmDetail(Firm firm, Currency currency, List<ServiceRecord> services, List<ActionPlan> plans,
            List<Assistance> assistance, List<SeedCapital> seedCapital) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ServiceLines lines;

    BusinessCentre(JdbcClient jdbc, Scopes scopes, AuditLog audit, ServiceLines lines) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.lines = lines;
    }

    @Transactional
    public Firm addFirm(long lineId, FirmInput in) {
        ServiceLines.Line line = lines.forWrite(lineId, ServiceLines.Type.BUSINESS_DEVELOPMENT, "BusinessCentreOnly",
                "services.centre.lineType");
        Checks checks = new Checks().valid(in);
        Sex sex = checks.oneOf("ownerSex", Sex.class, in.ownerSex());
        AgeGroup age = checks.oneOf("ownerAgeGroup", AgeGroup.class, in.ownerAgeGroup());
        checks.orThrow();
        String name = in.name().strip();
        long id = jdbc.sql("""
                insert into bc_firm (service_line_id, name, sector, owner_sex, owner_age_group, rural, associative, unit_code)
                values (:l, :n, :s, :x, :a, :r, :as, :u) returning id""").param("l", lineId).param("n", name)
                .param("s", in.sector().strip()).param("x", sex.name()).param("a", age.name()).param("r", in.rural())
                .param("as", in.associative()).param("u", Inputs.text(in.unitCode())).query(Long.class).single();
        Firm firm = firm(id);
        audit.record(Change.created("bc_firm", id, line.schemeId(), "Empresa " + name, state(firm)));
        return firm;
    }

    @Transactional
    public ServiceRecord recordService(long firmId, ServiceInput in) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        Checks.require(in);
        String k = in.kind().strip();
        String d = in.description().strip();
        long id = jdbc.sql("insert into bc_service (firm_id, delivered_on, kind, description) values (:f, :o, :k, :d) returning id")
                .param("f", firmId).param("o", in.deliveredOn()).param("k", k).param("d", d).query(Long.class).single();
        audit.record(Change.created("bc_service", id, scheme, "Servicio a " + firm.name() + ": " + k,
                Map.of("deliveredOn", in.deliveredOn().toString(), "kind", k, "description", d)));
        return new ServiceRecord(id, in.deliveredOn(), k, d);
    }

    @Transactional
    public ActionPlan addPlan(long firmId, PlanInput in) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        Checks.require(in);
        String g = in.goal().strip();
        String a = in.actions().strip();
        long id = jdbc.sql("insert into bc_action_plan (firm_id, agreed_on, goal, actions) values (:f, :o, :g, :a) returning id")
                .param("f", firmId).param("o", in.agreedOn()).param("g", g).param("a", a).query(Long.class).single();
        audit.record(Change.created("bc_action_plan", id, scheme, "Plan de acción de " + firm.name(),
                Map.of("agreedOn", in.agreedOn().toString(), "goal", g)));
        return new ActionPlan(id, in.agreedOn(), g, a);
    }

    /**
     * Approves subsidised assistance: the centre pays its percent of the cost (rounded half up to the
     * cent), the firm the rest, so the two add up to the cost exactly.
     */
    @Transactional
    public Assistance approveAssistance(long firmId, AssistanceInput in) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        ServiceLines.Line line = lines.line(firm.lineId());
        Checks checks = new Checks().valid(in);
        Money cost = checks.money("cost", in.cost(), "currency", line.currency().name(), true);
        checks.orThrow();
        CostShare share = costShare(cost.amount(), firm.preferential() ? line.subsidyPreferential() : line.subsidyStandard());
        String p = in.provider().strip();
        String d = in.description().strip();
        long id = jdbc.sql("""
                insert into bc_assistance (firm_id, approved_on, provider, description, cost, subsidy_percent, subsidy, firm_share,
                    preferential) values (:f, :o, :p, :d, :c, :pct, :s, :fs, :pref) returning id""").param("f", firmId)
                .param("o", in.approvedOn()).param("p", p).param("d", d).param("c", in.cost()).param("pct", share.percent())
                .param("s", share.subsidy()).param("fs", share.firmShare()).param("pref", firm.preferential())
                .query(Long.class).single();
        Assistance a = new Assistance(id, in.approvedOn(), p, d, cost.amount(), share.percent(), share.subsidy(), share.firmShare(),
                firm.preferential());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("cost", a.cost().toPlainString());
        state.put("subsidyPercent", a.subsidyPercent().toPlainString());
        state.put("subsidy", a.subsidy().toPlainString());
        state.put("firmShare", a.firmShare().toPlainString());
        state.put("preferential", a.preferential());
        audit.record(Change.created("bc_assistance", id, scheme, "Asistencia técnica a " + firm.name(), state));
        return a;
    }

    public record CostShare(BigDecimal percent, BigDecimal subsidy, BigDecimal firmShare) {
    }

    public static CostShare costShare(BigDecimal cost, BigDecimal percent) {
        BigDecimal subsidy = cost.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new CostShare(percent.setScale(2), subsidy, cost.setScale(2).subtract(subsidy));
    }

    @Transactional
    public SeedCapital grantSeedCapital(long firmId, SeedInput in) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        Checks checks = new Checks().valid(in);
        Money amount = checks.money("amount", in.amount(), "currency", lines.line(firm.lineId()).currency().name(), true);
        checks.orThrow();
        String p = in.purpose().strip();
        long id = jdbc.sql("insert into bc_seed_capital (firm_id, granted_on, amount, purpose) values (:f, :o, :a, :p) returning id")
                .param("f", firmId).param("o", in.grantedOn()).param("a", in.amount()).param("p", p).query(Long.class).single();
        audit.record(Change.created("bc_seed_capital", id, scheme, "Capital semilla para " + firm.name(),
                Map.of("grantedOn", in.grantedOn().toString(), "amount", in.amount().toPlainString(), "purpose", p)));
        return new SeedCapital(id, in.grantedOn(), amount.amount(), p);
    }

    @Transactional(readOnly = true)
    public Firm firm(long id) {
        return jdbc.sql("""
                select id, service_line_id, name, sector, owner_sex, owner_age_group, rural, associative, unit_code from bc_firm
                where id = :id""").param("id", id).query((rs, n) -> Firm.of(rs.getLong("id"), rs.getLong("service_line_id"),
                        rs.getString("name"), rs.getString("sector"), rs.getString("owner_sex"),
                        AgeGroup.valueOf(rs.getString("owner_age_group")), rs.getBoolean("rural"), rs.getBoolean("associative"),
                        rs.getString("unit_code"))).optional().orElseThrow(() -> new NotFoundException("empresa", id));
    }

    /** A page of a line's firms by name, as the current reader may see them. */
    @Transactional(readOnly = true)
    public List<Firm> firms(long lineId, int page, int size) {
        int s = Math.min(Math.max(1, size), 100);
        return jdbc.sql("select id from bc_firm where service_line_id = :l order by name, id limit :s offset :o").param("l", lineId)
                .param("s", s).param("o", Math.max(0, page) * s).query(Long.class).list().stream().map(this::firm)
                .map(this::asSeenByReader).toList();
    }

    /** Owners' data for the scheme's administrators and staff and the member official of the firm's unit. */
    private Firm asSeenByReader(Firm f) {
        return scopes.canSeeUnitPersonalData(lines.line(f.lineId()).schemeId(), f.unitCode()) ? f : f.withoutOwner();
    }

    @Transactional(readOnly = true)
    public FirmDetail detail(long firmId) {
        Firm firm = firm(firmId);
        var services = jdbc.sql("select id, delivered_on, kind, description from bc_service where firm_id = :f order by delivered_on, id")
                .param("f", firmId).query(ServiceRecord.class).list();
        var plans = jdbc.sql("select id, agreed_on, goal, actions from bc_action_plan where firm_id = :f order by agreed_on, id")
                .param("f", firmId).query(ActionPlan.class).list();
        var assistance = jdbc.sql("""
                select id, approved_on, provider, description, cost, subsidy_percent, subsidy, firm_share, preferential
                from bc_assistance where firm_id = :f order by approved_on, id""").param("f", firmId)
                .query(Assistance.class).list();
        var seed = jdbc.sql("select id, granted_on, amount, purpose from bc_seed_capital where firm_id = :f order by granted_on, id")
                .param("f", firmId).query(SeedCapital.class).list();
        return new FirmDetail(asSeenByReader(firm), lines.line(firm.lineId()).currency(), services, plans, assistance, seed);
    }

    private long scheme(Firm firm) {
        long scheme = lines.line(firm.lineId()).schemeId();
        scopes.requireSchemeWrite(scheme);
        return scheme;
    }

    private static Map<String, Object> state(Firm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("sector", f.sector());
        m.put("ownerSex", f.ownerSex());
        m.put("ownerAgeGroup", f.ownerAgeGroup().name());
        m.put("rural", f.rural());
        m.put("associative", f.associative());
        m.put("unitCode", f.unitCode());
        return m;
    }
}
