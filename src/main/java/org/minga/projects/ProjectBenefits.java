package org.minga.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each member received from the scheme's projects: the financing committed in a period,
 * attributed to the project's beneficiary members by their share of the beneficiary people (an
 * equal split among the beneficiaries when the people of any of them are unknown or all zero).
 * Discarded projects give nothing. A member's own co-financing (a MEMBER_MUNICIPALITY line naming
 * it) that comes back to it is kept apart ({@link #own}): it is money it spent, not a benefit
 * received from others.
 */
@Service
public class ProjectBenefits {

    private final JdbcClient jdbc;

    ProjectBenefits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One member's benefit in one currency, rounded to cents. */
    public record Benefit(String unitCode, String currency, BigDecimal amount) {
    }

    /**
     * The benefits per member and currency of the financing lines committed from {@code from} to
     * {@code to} (inclusive) on the scheme's projects that have beneficiaries and were not discarded,
     * received from others (a member's own co-financing apart, see {@link #own}), read from the
     * scheme's benefit ledger (rebuilt first if a change made it stale). The per-member values are
     * rounded to cents so that, per currency, they add up exactly to the benefits of the period
     * (largest remainder, ties by unit code).
     */
    @Transactional
    public List<Benefit> of(long schemeId, LocalDate from, LocalDate to) {
        return read(schemeId, from, to, false);
    }

    /**
     * The part of each member's own co-financing that came back to it as a beneficiary of the
     * projects it co-financed, per currency, over the same period and with the same rounding.
     */
    @Transactional
    public List<Benefit> own(long schemeId, LocalDate from, LocalDate to) {
        return read(schemeId, from, to, true);
    }

    private List<Benefit> read(long schemeId, LocalDate from, LocalDate to, boolean own) {
        record Row(String unitCode, String currency, BigDecimal share, BigDecimal total) {
        }
        ensureCurrent(schemeId);
        List<Row> shares = jdbc.sql("""
                select k.unit_code, k.currency,
                       coalesce((select d.cumulative from scheme_benefit_day d where d.scheme_id = k.scheme_id
                                   and d.unit_code = k.unit_code and d.currency = k.currency and d.own = k.own
                                   and d.day <= :to order by d.day desc limit 1), 0)
                     - coalesce((select d.cumulative from scheme_benefit_day d where d.scheme_id = k.scheme_id
                                   and d.unit_code = k.unit_code and d.currency = k.currency and d.own = k.own
                                   and d.day < :from order by d.day desc limit 1), 0) as share
                from scheme_benefit_key k where k.scheme_id = :scheme and k.own = :own
                order by k.currency, k.unit_code
                """).param("scheme", schemeId).param("from", from).param("to", to).param("own", own)
                .query((rs, n) -> new Row(rs.getString("unit_code"), rs.getString("currency"),
                        rs.getBigDecimal("share"), null)).list();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        shares.stream().filter(r -> r.share().signum() > 0)
                .forEach(r -> totals.merge(r.currency(), r.share(), BigDecimal::add));
        List<Row> rows = shares.stream().filter(r -> r.share().signum() > 0)
                .map(r -> new Row(r.unitCode(), r.currency(), r.share(), totals.get(r.currency()))).toList();
        Map<String, List<Row>> byCurrency = new LinkedHashMap<>();
        rows.forEach(r -> byCurrency.computeIfAbsent(r.currency(), c -> new ArrayList<>()).add(r));
        List<Benefit> benefits = new ArrayList<>();
        byCurrency.forEach((currency, list) -> {
            BigDecimal total = list.getFirst().total().setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal floorSum = BigDecimal.ZERO;
            List<BigDecimal> floors = new ArrayList<>();
            for (Row r : list) {
                BigDecimal f = r.share().setScale(2, RoundingMode.FLOOR);
                floors.add(f);
                floorSum = floorSum.add(f);
            }
            long cents = total.subtract(floorSum).movePointRight(2).longValue();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer, BigDecimal>comparing(i -> list.get(i).share().subtract(floors.get(i)))
                    .reversed().thenComparing(i -> list.get(i).unitCode()));
            for (int k = 0; k < cents && k < order.size(); k++) {
                int i = order.get(k);
                floors.set(i, floors.get(i).add(new BigDecimal("0.01")));
            }
            for (int i = 0; i < list.size(); i++) {
                benefits.add(new Benefit(list.get(i).unitCode(), currency, floors.get(i)));
            }
        });
        return benefits;
    }

    /**
     * Rebuilds the scheme's ledger if a change to its financing or beneficiaries made it stale. The
     * state row is locked while rebuilding, so a concurrent change waits and marks it stale again
     * afterwards, and two readers never rebuild at once.
     */
    private void ensureCurrent(long schemeId) {
        // Readers of a current ledger take no lock; only a rebuild does, and re-checks under it.
        if (!stale(schemeId, "") || !stale(schemeId, " for update")) {
            return;
        }
        jdbc.sql("delete from scheme_benefit_day where scheme_id = :s").param("s", schemeId).update();
        jdbc.sql("delete from scheme_benefit_key where scheme_id = :s").param("s", schemeId).update();
        // Each line's amount goes to the project's beneficiaries by their people, or equally when the
        // people of any of them are unknown (or all zero).
        jdbc.sql("""
                insert into scheme_benefit_day (scheme_id, unit_code, currency, own, day, amount, cumulative)
                with beneficiaries as (
                    select b.project_id, b.unit_code, b.people,
                           count(*) over w as members, sum(b.people) over w as people_total,
                           bool_or(b.people is null) over w as unknown
                    from project_beneficiary b join project p on p.id = b.project_id
                    where p.scheme_id = :s and p.stage <> 'DISCARDED'
                    window w as (partition by b.project_id)),
                daily as (
                    select b.unit_code, f.currency,
                           f.source_type = 'MEMBER_MUNICIPALITY' and f.unit_code is not distinct from b.unit_code as own,
                           f.committed_on as day,
                           sum(case when b.unknown or b.people_total = 0 then f.amount / b.members
                                    else f.amount * b.people / b.people_total end) as amount
                    from financing_line f join beneficiaries b on b.project_id = f.project_id
                    where f.scheme_id = :s and f.voided_at is null
                    group by 1, 2, 3, 4)
                select :s, unit_code, currency, own, day, amount,
                       sum(amount) over (partition by unit_code, currency, own order by day)
                from daily
                """).param("s", schemeId).update();
        jdbc.sql("""
                insert into scheme_benefit_key (scheme_id, unit_code, currency, own)
                select distinct scheme_id, unit_code, currency, own from scheme_benefit_day where scheme_id = :s
                """).param("s", schemeId).update();
        jdbc.sql("update scheme_benefit_state set stale = false, rebuilt_at = now() where scheme_id = :s")
                .param("s", schemeId).update();
    }

    private boolean stale(long schemeId, String lock) {
        return jdbc.sql("select stale from scheme_benefit_state where scheme_id = :s" + lock).param("s", schemeId)
                .query(Boolean.class).optional().orElse(false);
    }
}
