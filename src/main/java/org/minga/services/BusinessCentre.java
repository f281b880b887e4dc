package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.services.internal.Rules;
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

    public record FirmInput(String name, String sector, String ownerSex, String ownerAgeGroup, Boolean rural, Boolean associative,
            String unitCode) {
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

    public record FirmDetail(Firm firm, String currency, List<ServiceRecord> services, List<ActionPlan> plans,
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
        ServiceLines.Line line = centre(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        List<Violation> errors = new ArrayList<>();
        String name = Rules.text(in.name(), "name", errors);
        String sector = Rules.text(in.sector(), "sector", errors);
        if (!"F".equals(in.ownerSex()) && !"M".equals(in.ownerSex())) {
            errors.add(new Violation("ownerSex", "OneOf", "services.oneOf", "F, M"));
        }
        AgeGroup age = Rules.oneOf(AgeGroup.class, in.ownerAgeGroup(), "ownerAgeGroup", errors);
        Rules.required(in.rural(), "rural", errors);
        Rules.required(in.associative(), "associative", errors);
        Rules.throwIfAny(errors);
        long id = jdbc.sql("""
                insert into bc_firm (service_line_id, name, sector, owner_sex, owner_age_group, rural, associative, unit_code)
                values (:l, :n, :s, :x, :a, :r, :as, :u) returning id""").param("l", lineId).param("n", name).param("s", sector)
                .param("x", in.ownerSex()).param("a", age.name()).param("r", in.rural()).param("as", in.associative())
                .param("u", Rules.optional(in.unitCode())).query(Long.class).single();
        Firm firm = firm(id);
        audit.record(Change.created("bc_firm", id, line.schemeId(), "Empresa " + name, state(firm)));
        return firm;
    }

    @Transactional
    public ServiceRecord recordService(long firmId, LocalDate on, String kind, String description) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        List<Violation> errors = new ArrayList<>();
        Rules.required(on, "deliveredOn", errors);
        String k = Rules.text(kind, "kind", errors);
        String d = Rules.text(description, "description", errors);
        Rules.throwIfAny(errors);
        long id = jdbc.sql("insert into bc_service (firm_id, delivered_on, kind, description) values (:f, :o, :k, :d) returning id")
                .param("f", firmId).param("o", on).param("k", k).param("d", d).query(Long.class).single();
        audit.record(Change.created("bc_service", id, scheme, "Servicio a " + firm.name() + ": " + k,
                Map.of("deliveredOn", on.toString(), "kind", k, "description", d)));
        return new ServiceRecord(id, on, k, d);
    }

    @Transactional
    public ActionPlan addPlan(long firmId, LocalDate on, String goal, String actions) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        List<Violation> errors = new ArrayList<>();
        Rules.required(on, "agreedOn", errors);
        String g = Rules.text(goal, "goal", errors);
        String a = actions == null || actions.isBlank() ? null : actions.strip();
        if (a == null) {
            errors.add(new Violation("actions", "NotBlank", "services.required"));
        }
        Rules.throwIfAny(errors);
        long id = jdbc.sql("insert into bc_action_plan (firm_id, agreed_on, goal, actions) values (:f, :o, :g, :a) returning id")
                .param("f", firmId).param("o", on).param("g", g).param("a", a).query(Long.class).single();
        audit.record(Change.created("bc_action_plan", id, scheme, "Plan de acción de " + firm.name(),
                Map.of("agreedOn", on.toString(), "goal", g)));
        return new ActionPlan(id, on, g, a);
    }

    /**
     * Approves subsidised assistance: the centre pays its percent of the cost (rounded half up to the
     * cent), the firm the rest, so the two add up to the cost exactly.
     */
    @Transactional
    public Assistance approveAssistance(long firmId, LocalDate on, String provider, String description, BigDecimal cost) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        ServiceLines.Line line = lines.line(firm.lineId());
        List<Violation> errors = new ArrayList<>();
        Rules.required(on, "approvedOn", errors);
        String p = Rules.text(provider, "provider", errors);
        String d = Rules.text(description, "description", errors);
        Rules.money(cost, "cost", true, errors);
        Rules.throwIfAny(errors);
        CostShare share = costShare(cost, firm.preferential() ? line.subsidyPreferential() : line.subsidyStandard());
        long id = jdbc.sql("""
                insert into bc_assistance (firm_id, approved_on, provider, description, cost, subsidy_percent, subsidy, firm_share,
                    preferential) values (:f, :o, :p, :d, :c, :pct, :s, :fs, :pref) returning id""").param("f", firmId)
                .param("o", on).param("p", p).param("d", d).param("c", cost).param("pct", share.percent())
                .param("s", share.subsidy()).param("fs", share.firmShare()).param("pref", firm.preferential())
                .query(Long.class).single();
        Assistance a = new Assistance(id, on, p, d, cost.setScale(2), share.percent(), share.subsidy(), share.firmShare(),
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
    public SeedCapital grantSeedCapital(long firmId, LocalDate on, BigDecimal amount, String purpose) {
        Firm firm = firm(firmId);
        long scheme = scheme(firm);
        List<Violation> errors = new ArrayList<>();
        Rules.required(on, "grantedOn", errors);
        Rules.money(amount, "amount", true, errors);
        String p = Rules.text(purpose, "purpose", errors);
        Rules.throwIfAny(errors);
        long id = jdbc.sql("insert into bc_seed_capital (firm_id, granted_on, amount, purpose) values (:f, :o, :a, :p) returning id")
                .param("f", firmId).param("o", on).param("a", amount).param("p", p).query(Long.class).single();
        audit.record(Change.created("bc_seed_capital", id, scheme, "Capital semilla para " + firm.name(),
                Map.of("grantedOn", on.toString(), "amount", amount.toPlainString(), "purpose", p)));
        return new SeedCapital(id, on, amount.setScale(2), p);
    }

    @Transactional(readOnly = true)
    public Firm firm(long id) {
        return jdbc.sql("""
                select id, service_line_id, name, sector, owner_sex, owner_age_group, rural, associative, unit_code from bc_firm
                where id = :id""").param("id", id).query((rs, n) -> Firm.of(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), AgeGroup.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8),
                        rs.getString(9))).optional().orElseThrow(() -> new NotFoundException("empresa", id));
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
                .param("f", firmId).query((rs, n) -> new ServiceRecord(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4))).list();
        var plans = jdbc.sql("select id, agreed_on, goal, actions from bc_action_plan where firm_id = :f order by agreed_on, id")
                .param("f", firmId).query((rs, n) -> new ActionPlan(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4))).list();
        var assistance = jdbc.sql("""
                select id, approved_on, provider, description, cost, subsidy_percent, subsidy, firm_share, preferential
                from bc_assistance where firm_id = :f order by approved_on, id""").param("f", firmId)
                .query((rs, n) -> new Assistance(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBoolean(9))).list();
        var seed = jdbc.sql("select id, granted_on, amount, purpose from bc_seed_capital where firm_id = :f order by granted_on, id")
                .param("f", firmId).query((rs, n) -> new SeedCapital(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getString(4))).list();
        return new FirmDetail(asSeenByReader(firm), lines.line(firm.lineId()).currency(), services, plans, assistance, seed);
    }

    private long scheme(Firm firm) {
        long scheme = lines.line(firm.lineId()).schemeId();
        scopes.requireSchemeWrite(scheme);
        return scheme;
    }

    private ServiceLines.Line centre(long lineId) {
        ServiceLines.Line line = lines.line(lineId);
        if (line.type() != ServiceLines.Type.BUSINESS_DEVELOPMENT) {
            throw new InvalidInputException("lineId", "BusinessCentreOnly", "services.centre.lineType");
        }
        return line;
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
