package org.minga.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each municipality received from a scheme's shared services in a period, valued as the
 * services module values it: tonnes received at the landfill (refused and voided loads aside) at the tonne
 * tariff in effect on the day of weighing; cases completed (permits processed and the like) at the
 * case tariff in effect on the day of completion; the subsidised part of the business centre's
 * technical assistance to firms of the municipality, approved in the period. Amounts are in the
 * currency of the service line; a line without a tariff for the unit counts the quantity at zero.
 */
@Service
public class ServiceBenefits {

    public enum Kind { LANDFILL_TONNES, CASES_COMPLETED, SUBSIDISED_ASSISTANCE }

    /** One municipality's benefit of one kind in one currency: the quantity and its value. */
    public record Benefit(String unitCode, String currency, Kind kind, BigDecimal quantity, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    ServiceBenefits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The benefits from {@code from} to {@code to}, both inclusive, by municipality, currency and kind. */
    @Transactional(readOnly = true)
    public List<Benefit> of(long schemeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                with tariff as (
                    select r.service_line_id, r.unit, r.amount, r.valid_from,
                           lead(r.valid_from) over (partition by r.service_line_id, r.unit order by r.valid_from) as valid_to
                    from service_tariff r join service_line l on l.id = r.service_line_id where l.scheme_id = :s),
                tonnes as (
                    select c.unit_code, l.currency, 'LANDFILL_TONNES' as kind, sum(t.net_kg) / 1000.0 as quantity,
                           sum(t.net_kg / 1000.0 * coalesce(r.amount, 0)) as amount
                    from weighing_ticket t
                    join service_line l on l.id = t.service_line_id
                    join service_client c on c.id = t.client_id and c.service_line_id = l.id
                    left join tariff r on r.service_line_id = l.id and r.unit = 'TONNE'
                         and r.valid_from <= t.weighed_at::date and (r.valid_to is null or t.weighed_at::date < r.valid_to)
                    where l.scheme_id = :s and c.kind = 'MEMBER' and t.refusal_reason is null and t.voided_at is null
                      and t.weighed_at >= :from and t.weighed_at < :after
                    group by 1, 2),
                cases as (
                    select k.unit_code, l.currency, 'CASES_COMPLETED' as kind, count(*)::numeric as quantity,
                           sum(coalesce(r.amount, 0)) as amount
                    from service_case k
                    join case_type y on y.id = k.case_type_id
                    join service_line l on l.id = y.service_line_id
                    left join tariff r on r.service_line_id = l.id and r.unit = 'CASE'
                         and r.valid_from <= k.completed_at::date and (r.valid_to is null or k.completed_at::date < r.valid_to)
                    where k.scheme_id = :s and k.completed_at >= :from and k.completed_at < :after
                    group by 1, 2),
                assistance as (
                    select f.unit_code, l.currency, 'SUBSIDISED_ASSISTANCE' as kind, count(*)::numeric as quantity,
                           sum(a.subsidy) as amount
                    from bc_assistance a join bc_firm f on f.id = a.firm_id join service_line l on l.id = f.service_line_id
                    where l.scheme_id = :s and f.unit_code is not null and a.approved_on between :from and :to
                    group by 1, 2)
                select unit_code, currency, kind, quantity, round(amount, 2) as amount from tonnes
                union all select unit_code, currency, kind, quantity, round(amount, 2) from cases
                union all select unit_code, currency, kind, quantity, round(amount, 2) from assistance
                order by unit_code, currency, kind""")
                .param("s", schemeId).param("from", from).param("to", to).param("after", to.plusDays(1))
                .query((rs, n) -> new Benefit(rs.getString("unit_code"), rs.getString("currency").strip(),
                        Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("quantity"), rs.getBigDecimal("amount")))
                .list();
    }
}
