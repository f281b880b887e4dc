package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a service did in a period, per line and per member: cases by state, processing days
 * (average and 90th percentile), SLA compliance, tonnes, revenue, and the firms served by the
 * owner's sex.
 */
@Service
public class ServiceDashboards {

    /** Cases figures: processing and SLA count the cases completed in the period. */
    public record CaseFigures(Map<String, Long> byState, long opened, long completed, BigDecimal averageDays, BigDecimal p90Days,
            BigDecimal slaCompliancePercent, long overdueOpen) {
    }

    public record LineDashboard(ServiceLines.Line line, LocalDate from, LocalDate to, CaseFigures cases, BigDecimal tonnes,
            long refusedLoads, BigDecimal revenue, Map<String, Long> firmsByOwnerSex, BigDecimal subsidy, BigDecimal seedCapital) {
    }

    public record MemberDashboard(long schemeId, String unitCode, LocalDate from, LocalDate to, CaseFigures cases,
            BigDecimal tonnes, BigDecimal invoiced, BigDecimal allocatedCosts, Map<String, Long> firmsByOwnerSex) {
    }

    private final JdbcClient jdbc;
    private final ServiceLines lines;
    private final Cases cases;

    ServiceDashboards(JdbcClient jdbc, ServiceLines lines, Cases cases) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public LineDashboard line(long schemeId, long lineId, LocalDate from, LocalDate to) {
        ServiceLines.Line line = lines.line(schemeId, lineId);
        period(from, to);
        CaseFigures caseFigures = caseFigures(schemeId, "t.service_line_id = :l", Map.of("l", lineId), from, to);
        Weighed landfill = jdbc.sql("""
                select coalesce(sum(net_kg) filter (where refusal_reason is null), 0) as kg,
                    count(*) filter (where refusal_reason is not null) as refused
                from weighing_ticket where service_line_id = :l and voided_at is null and weighed_at >= :f and weighed_at < :t""").param("l", lineId)
                .param("f", Timestamp.valueOf(from.atStartOfDay())).param("t", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query(Weighed.class).single();
        BigDecimal invoiced = jdbc.sql("""
                select coalesce(sum(total), 0) from service_invoice where service_line_id = :l and voided_at is null
                  and month >= date_trunc('month', cast(:f as date)) and month <= :t""").param("l", lineId).param("f", from)
                .param("t", to).query(BigDecimal.class).single();
        Assisted centre = jdbc.sql("""
                select coalesce(sum(a.firm_share), 0) as firm_share, coalesce(sum(a.subsidy), 0) as subsidy
                from bc_assistance a join bc_firm f on f.id = a.firm_id
                where f.service_line_id = :l and a.approved_on between :f and :t""").param("l", lineId).param("f", from).param("t", to)
                .query(Assisted.class).single();
        BigDecimal seed = jdbc.sql("""
                select coalesce(sum(s.amount), 0) from bc_seed_capital s join bc_firm f on f.id = s.firm_id
                where f.service_line_id = :l and s.granted_on between :f and :t""").param("l", lineId).param("f", from).param("t", to)
                .query(BigDecimal.class).single();
        return new LineDashboard(line, from, to, caseFigures, BigDecimal.valueOf(landfill.kg(), 3), landfill.refused(),
                invoiced.add(centre.firmShare()).setScale(2), firmsBySex("f.service_line_id = :l", Map.of("l", lineId), from, to),
                centre.subsidy().setScale(2), seed.setScale(2));
    }

    record Weighed(long kg, long refused) {
    }

    record Assisted(BigDecimal firmShare, BigDecimal subsidy) {
    }

    @Transactional(readOnly = true)
    public MemberDashboard member(long schemeId, String unitCode, LocalDate from, LocalDate to) {
        period(from, to);
        String unit = Inputs.text(unitCode);
        if (unit == null) {
            throw new InvalidInputException("unitCode", "NotBlank", "NotBlank", "unitCode");
        }
        CaseFigures caseFigures = caseFigures(schemeId, "t.scheme_id = :s and c.unit_code = :u", Map.of("s", schemeId, "u", unit), from, to);
        long kg = jdbc.sql("""
                select coalesce(sum(t.net_kg), 0) from weighing_ticket t join service_client c on c.id = t.client_id
                join service_line l on l.id = t.service_line_id
                where l.scheme_id = :s and c.unit_code = :u and t.refusal_reason is null and t.voided_at is null and t.weighed_at >= :f and t.weighed_at < :t""")
                .param("s", schemeId).param("u", unit).param("f", Timestamp.valueOf(from.atStartOfDay()))
                .param("t", Timestamp.valueOf(to.plusDays(1).atStartOfDay())).query(Long.class).single();
        BigDecimal invoiced = jdbc.sql("""
                select coalesce(sum(i.total), 0) from service_invoice i join service_client c on c.id = i.client_id
                join service_line l on l.id = i.service_line_id
                where l.scheme_id = :s and c.unit_code = :u and i.voided_at is null and i.month >= date_trunc('month', cast(:f as date)) and i.month <= :t""")
                .param("s", schemeId).param("u", unit).param("f", from).param("t", to).query(BigDecimal.class).single();
        BigDecimal allocated = jdbc.sql("""
                select coalesce(sum(s.share), 0) from cost_pool_share s join cost_pool p on p.id = s.pool_id
                join service_line l on l.id = p.service_line_id
                where l.scheme_id = :s and s.unit_code = :u and p.period_from >= :f and p.period_to <= :t""")
                .param("s", schemeId).param("u", unit).param("f", from).param("t", to).query(BigDecimal.class).single();
        return new MemberDashboard(schemeId, unit, from, to, caseFigures, BigDecimal.valueOf(kg, 3), invoiced.setScale(2),
                allocated.setScale(0), firmsBySex("l.scheme_id = :s and f.unit_code = :u", Map.of("s", schemeId, "u", unit), from, to));
    }

    private CaseFigures caseFigures(long schemeId, String where, Map<String, Object> params, LocalDate from, LocalDate to) {
        Timestamp f = Timestamp.valueOf(from.atStartOfDay());
        Timestamp t = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        Map<String, Long> byState = new LinkedHashMap<>();
        var q1 = jdbc.sql("""
                select t.id as type_id, c.state, count(*) as cases from service_case c join case_type t on t.id = c.case_type_id
                where %s and c.opened_at < :t and (c.completed_at is null or c.completed_at >= :f)
                group by t.id, c.state order by t.id, c.state""".formatted(where)).param("f", f).param("t", t);
        for (var e : params.entrySet()) {
            q1 = q1.param(e.getKey(), e.getValue());
        }
        Map<Long, CaseType> types = new HashMap<>();
        q1.query(InState.class).list().forEach(r -> {
            String name = types.computeIfAbsent(r.typeId(), cases::type).stateName(r.state());
            byState.merge(name, r.cases(), Long::sum);
        });
        var q2 = jdbc.sql("""
                select count(*) filter (where c.opened_at >= :f and c.opened_at < :t) as opened,
                       count(*) filter (where c.completed_at >= :f and c.completed_at < :t) as completed,
                       avg(extract(epoch from c.completed_at - c.opened_at) / 86400) filter (where c.completed_at >= :f and c.completed_at < :t)
                           as average_days,
                       percentile_cont(0.9) within group (order by extract(epoch from c.completed_at - c.opened_at) / 86400)
                           filter (where c.completed_at >= :f and c.completed_at < :t) as p90_days,
                       count(*) filter (where c.completed_at >= :f and c.completed_at < :t
                           and (c.completed_at at time zone :zone)::date <= c.due_on) as in_time,
                       count(*) filter (where c.completed_at is null and c.due_on < :today) as overdue_open
                from service_case c join case_type t on t.id = c.case_type_id where %s""".formatted(where)).param("f", f).param("t", t)
                .param("zone", cases.zone(schemeId).getId()).param("today", cases.today(schemeId));
        for (var e : params.entrySet()) {
            q2 = q2.param(e.getKey(), e.getValue());
        }
        return q2.query((rs, n) -> {
            long completed = rs.getLong("completed");
            BigDecimal avg = rs.getBigDecimal("average_days");
            double p90 = rs.getDouble("p90_days");
            boolean p90Null = rs.wasNull();
            return new CaseFigures(byState, rs.getLong("opened"), completed, avg == null ? null : avg.setScale(1, RoundingMode.HALF_UP),
                    p90Null ? null : BigDecimal.valueOf(p90).setScale(1, RoundingMode.HALF_UP),
                    completed == 0 ? null
                            : BigDecimal.valueOf(rs.getLong("in_time") * 100.0 / completed).setScale(1, RoundingMode.HALF_UP),
                    rs.getLong("overdue_open"));
        }).single();
    }

    record InState(long typeId, String state, long cases) {
    }

    /** Firms served in the period (any service, assistance or seed capital), by the owner's sex. */
    private Map<String, Long> firmsBySex(String where, Map<String, Object> params, LocalDate from, LocalDate to) {
        var q = jdbc.sql("""
                select f.owner_sex, count(*) as firms from bc_firm f join service_line l on l.id = f.service_line_id
                where %s and (exists (select 1 from bc_service s where s.firm_id = f.id and s.delivered_on between :f and :t)
                    or exists (select 1 from bc_assistance a where a.firm_id = f.id and a.approved_on between :f and :t)
                    or exists (select 1 from bc_seed_capital g where g.firm_id = f.id and g.granted_on between :f and :t))
                group by f.owner_sex""".formatted(where)).param("f", from).param("t", to);
        for (var e : params.entrySet()) {
            q = q.param(e.getKey(), e.getValue());
        }
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("F", 0L);
        m.put("M", 0L);
        q.query((rs, n) -> Map.entry(rs.getString("owner_sex"), rs.getLong("firms"))).list().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static void period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "AfterFrom", "services.pool.period");
        }
    }
}
