package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
        CaseFigures caseFigures = caseFigures("t.service_line_id = :l", Map.of("l", lineId), from, to);
        var landfill = jdbc.sql("""
                select coalesce(sum(net_kg) filter (where refusal_reason is null), 0), count(*) filter (where refusal_reason is not null)
                from weighing_ticket where service_line_id = :l and weighed_at >= :f and weighed_at < :t""").param("l", lineId)
                .param("f", Timestamp.valueOf(from.atStartOfDay())).param("t", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        BigDecimal invoiced = jdbc.sql("""
                select coalesce(sum(total), 0) from service_invoice where service_line_id = :l
                  and month >= date_trunc('month', cast(:f as date)) and month <= :t""").param("l", lineId).param("f", from)
                .param("t", to).query(BigDecimal.class).single();
        var centre = jdbc.sql("""
                select coalesce(sum(a.firm_share), 0), coalesce(sum(a.subsidy), 0) from bc_assistance a join bc_firm f on f.id = a.firm_id
                where f.service_line_id = :l and a.approved_on between :f and :t""").param("l", lineId).param("f", from).param("t", to)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
        BigDecimal seed = jdbc.sql("""
                select coalesce(sum(s.amount), 0) from bc_seed_capital s join bc_firm f on f.id = s.firm_id
                where f.service_line_id = :l and s.granted_on between :f and :t""").param("l", lineId).param("f", from).param("t", to)
                .query(BigDecimal.class).single();
        return new LineDashboard(line, from, to, caseFigures, BigDecimal.valueOf(landfill[0], 3), landfill[1],
                invoiced.add(centre[0]).setScale(2), firmsBySex("f.service_line_id = :l", Map.of("l", lineId), from, to),
                centre[1].setScale(2), seed.setScale(2));
    }

    @Transactional(readOnly = true)
    public MemberDashboard member(long schemeId, String unitCode, LocalDate from, LocalDate to) {
        period(from, to);
        if (unitCode == null || unitCode.isBlank()) {
            throw new InvalidInputException("unitCode", "NotBlank", "services.required");
        }
        String unit = unitCode.strip();
        CaseFigures caseFigures = caseFigures("t.scheme_id = :s and c.unit_code = :u", Map.of("s", schemeId, "u", unit), from, to);
        long kg = jdbc.sql("""
                select coalesce(sum(t.net_kg), 0) from weighing_ticket t join service_client c on c.id = t.client_id
                join service_line l on l.id = t.service_line_id
                where l.scheme_id = :s and c.unit_code = :u and t.refusal_reason is null and t.weighed_at >= :f and t.weighed_at < :t""")
                .param("s", schemeId).param("u", unit).param("f", Timestamp.valueOf(from.atStartOfDay()))
                .param("t", Timestamp.valueOf(to.plusDays(1).atStartOfDay())).query(Long.class).single();
        BigDecimal invoiced = jdbc.sql("""
                select coalesce(sum(i.total), 0) from service_invoice i join service_client c on c.id = i.client_id
                join service_line l on l.id = i.service_line_id
                where l.scheme_id = :s and c.unit_code = :u and i.month >= date_trunc('month', cast(:f as date)) and i.month <= :t""")
                .param("s", schemeId).param("u", unit).param("f", from).param("t", to).query(BigDecimal.class).single();
        BigDecimal allocated = jdbc.sql("""
                select coalesce(sum(s.share), 0) from cost_pool_share s join cost_pool p on p.id = s.pool_id
                join service_line l on l.id = p.service_line_id
                where l.scheme_id = :s and s.unit_code = :u and p.period_from >= :f and p.period_to <= :t""")
                .param("s", schemeId).param("u", unit).param("f", from).param("t", to).query(BigDecimal.class).single();
        return new MemberDashboard(schemeId, unit, from, to, caseFigures, BigDecimal.valueOf(kg, 3), invoiced.setScale(2),
                allocated.setScale(0), firmsBySex("l.scheme_id = :s and f.unit_code = :u", Map.of("s", schemeId, "u", unit), from, to));
    }

    private CaseFigures caseFigures(String where, Map<String, Object> params, LocalDate from, LocalDate to) {
        Timestamp f = Timestamp.valueOf(from.atStartOfDay());
        Timestamp t = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        Map<String, Long> byState = new LinkedHashMap<>();
        var q1 = jdbc.sql("""
                select t.id, c.state, count(*) from service_case c join case_type t on t.id = c.case_type_id
                where %s and c.opened_at < :t and (c.completed_at is null or c.completed_at >= :f)
                group by t.id, c.state order by t.id, c.state""".formatted(where)).param("f", f).param("t", t);
        for (var e : params.entrySet()) {
            q1 = q1.param(e.getKey(), e.getValue());
        }
        q1.query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).list().forEach(r -> {
            String name = cases.type((Long) r[0]).stateName((String) r[1]);
            byState.merge(name, (Long) r[2], Long::sum);
        });
        var q2 = jdbc.sql("""
                select count(*) filter (where c.opened_at >= :f and c.opened_at < :t),
                       count(*) filter (where c.completed_at >= :f and c.completed_at < :t),
                       avg(extract(epoch from c.completed_at - c.opened_at) / 86400) filter (where c.completed_at >= :f and c.completed_at < :t),
                       percentile_cont(0.9) within group (order by extract(epoch from c.completed_at - c.opened_at) / 86400)
                           filter (where c.completed_at >= :f and c.completed_at < :t),
                       count(*) filter (where c.completed_at >= :f and c.completed_at < :t
                           and (c.completed_at at time zone 'America/Bogota')::date <= c.due_on),
                       count(*) filter (where c.completed_at is null and c.due_on < current_date)
                from service_case c join case_type t on t.id = c.case_type_id where %s""".formatted(where)).param("f", f).param("t", t);
        for (var e : params.entrySet()) {
            q2 = q2.param(e.getKey(), e.getValue());
        }
        return q2.query((rs, n) -> {
            long completed = rs.getLong(2);
            BigDecimal avg = rs.getBigDecimal(3);
            double p90 = rs.getDouble(4);
            boolean p90Null = rs.wasNull();
            return new CaseFigures(byState, rs.getLong(1), completed, avg == null ? null : avg.setScale(1, RoundingMode.HALF_UP),
                    p90Null ? null : BigDecimal.valueOf(p90).setScale(1, RoundingMode.HALF_UP),
                    completed == 0 ? null : BigDecimal.valueOf(rs.getLong(5) * 100.0 / completed).setScale(1, RoundingMode.HALF_UP),
                    rs.getLong(6));
        }).single();
    }

    /** Firms served in the period (any service, assistance or seed capital), by the owner's sex. */
    private Map<String, Long> firmsBySex(String where, Map<String, Object> params, LocalDate from, LocalDate to) {
        var q = jdbc.sql("""
                select f.owner_sex, count(*) from bc_firm f join service_line l on l.id = f.service_line_id
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
        q.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static void period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "AfterFrom", "services.pool.period");
        }
    }
}
