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
     * {@code to} (inclusive) on the scheme's projects that have beneficiaries. One aggregate query;
     * the per-member values are rounded to cents so that, per currency, they add up exactly to the
     * financing attributed (largest remainder, ties by unit code).
     */
    @Transactional(readOnly = true)
    public List<Benefit> of(long schemeId, LocalDate from, LocalDate to) {
        record Row(String unitCode, String currency, BigDecimal share, BigDecimal total) {
        }
        List<Row> rows = jdbc.sql("""
                with lines as (
                    select f.project_id, f.currency, sum(f.amount) as amount
                    from financing_line f
                    where f.scheme_id = :scheme and f.committed_on between :from and :to
                    group by f.project_id, f.currency),
                beneficiaries as (
                    select b.project_id, b.unit_code, b.people,
                           count(*) over w as members,
                           sum(b.people) over w as people_total,
                           bool_or(b.people is null) over w as unknown
                    from project_beneficiary b
                    where b.project_id in (select project_id from lines)
                    window w as (partition by b.project_id)),
                shares as (
                    select b.unit_code, l.currency, l.project_id, l.amount,
                           case when b.unknown or b.people_total = 0 then l.amount / b.members
                                else l.amount * b.people / b.people_total end as share
                    from lines l join beneficiaries b on b.project_id = l.project_id)
                select s.unit_code, s.currency, sum(s.share) as share,
                       (select sum(l.amount) from lines l where l.currency = s.currency
                          and exists (select 1 from project_beneficiary pb where pb.project_id = l.project_id)) as total
                from shares s group by s.unit_code, s.currency
                order by s.currency, s.unit_code
                """).param("scheme", schemeId).param("from", from).param("to", to)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
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
}
