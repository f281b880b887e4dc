package org.minga.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.minga.platform.CountryFormat;
import org.minga.platform.InvalidInputException;
import org.minga.projects.ProjectBenefits;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.services.ServiceBenefits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Equity among a scheme's members over a period: what each paid in contributions against what it
 * received from others, the ratio of the two, an index for the scheme and warnings. What it
 * received is the financing of the scheme's projects not discarded, attributed by beneficiary share,
 * that came from others, plus the value of the shared services it used ({@link ServiceBenefits}).
 * A member's own co-financing that came back to it is shown apart and counted in neither: it is its
 * own money, and counting it as a benefit flatters the large members that co-finance their own
 * projects.
 *
 * <p>The index is one minus the dissimilarity between the members' shares of the benefits and
 * their shares of the contributions: {@code 1 − ½ Σ |b_i − p_i|}. It is 1 when every member
 * receives the same share of the benefits as it pays of the contributions, and 0 when those who
 * pay receive nothing. Shares are computed per currency and averaged over the currencies present,
 * so amounts in different currencies are never added. Null when nothing was paid or received.
 */
@Service
public class Equity {

    /** Members in this top fraction receiving more than {@link #CONCENTRATION} of the benefits is a warning. */
    static final double TOP = 0.2;
    static final BigDecimal CONCENTRATION = new BigDecimal("0.60");

    /**
     * A member's figures per currency: {@code benefits} received from others (projects and services,
     * the figure of the ratio and the index), of which {@code fromServices} came from shared services;
     * {@code own} is its own co-financing of projects it benefits from, apart.
     */
    public record Member(String unit, String name, Map<String, BigDecimal> paid, Map<String, BigDecimal> benefits,
            Map<String, BigDecimal> fromServices, Map<String, BigDecimal> own, BigDecimal ratio) {
    }

    public record Warning(String type, List<String> units, String message) {
    }

    public record Report(long schemeId, LocalDate from, LocalDate to, List<Member> members, BigDecimal index,
            List<Warning> warnings) {

        public Set<String> currencies() {
            Set<String> c = new TreeSet<>();
            members.forEach(m -> {
                c.addAll(m.paid().keySet());
                c.addAll(m.benefits().keySet());
                c.addAll(m.own().keySet());
            });
            return c;
        }
    }

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Contributions contributions;
    private final ProjectBenefits benefits;
    private final ServiceBenefits services;

    Equity(JdbcClient jdbc, Schemes schemes, Contributions contributions, ProjectBenefits benefits,
            ServiceBenefits services) {
        this.services = services;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.contributions = contributions;
        this.benefits = benefits;
    }

    /** Read-write: reading the benefits may first rebuild the scheme's stale benefit ledger. */
    @Transactional
    public Report of(long schemeId, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "AfterFrom", "finance.equity.period.invalid");
        }
        Scheme scheme = schemes.get(schemeId);
        Map<String, Map<String, BigDecimal>> paid = new TreeMap<>();
        Map<String, Set<Integer>> years = new HashMap<>();
        for (Paid p : paid(schemeId, from, to)) {
            paid.computeIfAbsent(p.unit(), u -> new TreeMap<>()).merge(p.currency(), p.amount(), BigDecimal::add);
            years.computeIfAbsent(p.unit(), u -> new TreeSet<>()).add(p.year());
        }
        Map<String, Map<String, BigDecimal>> received = new TreeMap<>();
        benefits.of(schemeId, from, to).forEach(b -> received.computeIfAbsent(b.unitCode(), u -> new TreeMap<>())
                .merge(b.currency(), b.amount(), BigDecimal::add));
        Map<String, Map<String, BigDecimal>> own = new TreeMap<>();
        benefits.own(schemeId, from, to).forEach(b -> own.computeIfAbsent(b.unitCode(), u -> new TreeMap<>())
                .merge(b.currency(), b.amount(), BigDecimal::add));
        Set<String> units = new TreeSet<>(paid.keySet());
        units.addAll(received.keySet());
        units.addAll(own.keySet());
        units.addAll(jdbc.sql("""
                select distinct m.unit_code from contribution_rule_member m join contribution_rule r on r.id = m.rule_id
                where r.scheme_id = :s and r.year between :a and :b and r.voided_at is null""").param("s", schemeId)
                .param("a", from.getYear()).param("b", to.getYear()).query(String.class).list());
        // Services count for the members only: a case of a neighbouring non-member is no member's benefit.
        Map<String, Map<String, BigDecimal>> served = new TreeMap<>();
        services.of(schemeId, from, to).stream().filter(b -> units.contains(b.unitCode()))
                .forEach(b -> served.computeIfAbsent(b.unitCode(), u -> new TreeMap<>())
                        .merge(b.currency(), b.amount(), BigDecimal::add));
        served.forEach((u, m) -> m.forEach((c, a) -> received.computeIfAbsent(u, k -> new TreeMap<>())
                .merge(c, a, BigDecimal::add)));
        Map<String, String> names = contributions.names(scheme, List.copyOf(units), to);
        List<Member> members = new ArrayList<>();
        for (String u : units) {
            Map<String, BigDecimal> p = scaled(paid.getOrDefault(u, Map.of()));
            Map<String, BigDecimal> b = scaled(received.getOrDefault(u, Map.of()));
            members.add(new Member(u, names.getOrDefault(u, u), p, b, scaled(served.getOrDefault(u, Map.of())),
                    scaled(own.getOrDefault(u, Map.of())), ratio(p, b)));
        }
        List<Warning> warnings = new ArrayList<>();
        for (Member m : members) {
            int paidYears = years.getOrDefault(m.unit(), Set.of()).size();
            if (paidYears >= 2 && m.benefits().values().stream().allMatch(v -> v.signum() == 0)) {
                warnings.add(new Warning("PAYS_WITHOUT_BENEFIT", List.of(m.unit()), "%s pagó aportes en %d años del periodo y no recibió beneficios de los proyectos ni de los servicios compartidos: un miembro que paga y no recibe nada pide retirarse."
                        .formatted(m.name(), paidYears)));
            }
        }
        warnings.addAll(concentration(members, CountryFormat.of(scheme.getCountry().name())));
        return new Report(schemeId, from, to, members, index(members), warnings);
    }

    record Paid(String unit, String currency, int year, BigDecimal amount) {
    }

    /**
     * Contributions paid in the period by member, currency and year: whole years from the yearly
     * totals the database keeps, a partial first or last year from the payments themselves.
     */
    private List<Paid> paid(long schemeId, LocalDate from, LocalDate to) {
        int firstWhole = from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1;
        int lastWhole = to.equals(LocalDate.of(to.getYear(), 12, 31)) ? to.getYear() : to.getYear() - 1;
        if (firstWhole > lastWhole) {
            return payments(schemeId, from, to);
        }
        List<Paid> rows = new ArrayList<>(jdbc.sql("""
                select unit_code as unit, currency, year, amount from contribution_paid_year
                where scheme_id = :s and year between :a and :b and amount > 0""")
                .param("s", schemeId).param("a", firstWhole).param("b", lastWhole)
                .query(Paid.class)
                .list());
        if (from.getYear() < firstWhole) {
            rows.addAll(payments(schemeId, from, LocalDate.of(from.getYear(), 12, 31)));
        }
        if (to.getYear() > lastWhole) {
            rows.addAll(payments(schemeId, LocalDate.of(to.getYear(), 1, 1), to));
        }
        return rows;
    }

    private List<Paid> payments(long schemeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select unit_code as unit, currency, extract(year from paid_on)::int as year, sum(amount) as amount
                from contribution_payment
                where scheme_id = :s and paid_on between :from and :to and voided_at is null group by 1, 2, 3""")
                .param("s", schemeId).param("from", from).param("to", to)
                .query(Paid.class)
                .list();
    }

    private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> m = new TreeMap<>();
        amounts.forEach((c, a) -> m.put(c, a.setScale(2, RoundingMode.HALF_EVEN)));
        return m;
    }

    /** Benefits over paid; with several currencies, the mean of the ratios in the currencies paid. */
    static BigDecimal ratio(Map<String, BigDecimal> paid, Map<String, BigDecimal> benefits) {
        List<BigDecimal> ratios = new ArrayList<>();
        paid.forEach((c, p) -> {
            if (p.signum() > 0) {
                ratios.add(benefits.getOrDefault(c, BigDecimal.ZERO).divide(p, MathContext.DECIMAL64));
            }
        });
        if (ratios.isEmpty()) {
            return null;
        }
        return ratios.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(ratios.size()), 4, RoundingMode.HALF_EVEN);
    }

    /** 1 − ½ Σ |b_i − p_i| over the members' shares (per currency, averaged); null without data. */
    static BigDecimal index(List<Member> members) {
        Map<String, BigDecimal> p = shares(members, true);
        Map<String, BigDecimal> b = shares(members, false);
        if (p == null || b == null) {
            return null;
        }
        BigDecimal distance = BigDecimal.ZERO;
        for (Member m : members) {
            distance = distance.add(p.getOrDefault(m.unit(), BigDecimal.ZERO)
                    .subtract(b.getOrDefault(m.unit(), BigDecimal.ZERO)).abs());
        }
        BigDecimal index = BigDecimal.ONE.subtract(distance.divide(BigDecimal.TWO, MathContext.DECIMAL64));
        return index.max(BigDecimal.ZERO).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static Map<String, BigDecimal> shares(List<Member> members, boolean paid) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        members.forEach(m -> (paid ? m.paid() : m.benefits()).forEach((c, a) -> totals.merge(c, a, BigDecimal::add)));
        totals.values().removeIf(v -> v.signum() == 0);
        if (totals.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> shares = new HashMap<>();
        for (Member m : members) {
            BigDecimal s = BigDecimal.ZERO;
            for (var t : totals.entrySet()) {
                s = s.add((paid ? m.paid() : m.benefits()).getOrDefault(t.getKey(), BigDecimal.ZERO)
                        .divide(t.getValue(), MathContext.DECIMAL64));
            }
            shares.put(m.unit(), s.divide(BigDecimal.valueOf(totals.size()), MathContext.DECIMAL64));
        }
        return shares;
    }

    /** Per currency: the top 20 % of the members (at least one) receive more than 60 % of the benefits. */
    static List<Warning> concentration(List<Member> members, CountryFormat format) {
        List<Warning> warnings = new ArrayList<>();
        if (members.size() < 3) {
            return warnings;
        }
        Set<String> currencies = new TreeSet<>();
        members.forEach(m -> currencies.addAll(m.benefits().keySet()));
        int top = Math.max(1, (int) Math.ceil(members.size() * TOP));
        for (String c : currencies) {
            List<Member> sorted = members.stream()
                    .sorted(Comparator.comparing((Member m) -> m.benefits().getOrDefault(c, BigDecimal.ZERO)).reversed()
                            .thenComparing(Member::unit)).toList();
            BigDecimal total = sorted.stream().map(m -> m.benefits().getOrDefault(c, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() == 0) {
                continue;
            }
            List<Member> first = sorted.subList(0, top);
            BigDecimal share = first.stream().map(m -> m.benefits().getOrDefault(c, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).divide(total, 4, RoundingMode.HALF_EVEN);
            if (share.compareTo(CONCENTRATION) > 0) {
                warnings.add(new Warning("BENEFITS_CONCENTRATED", first.stream().map(Member::unit).toList(),
                        "%d de %d miembros (%s) reciben el %s de los beneficios en %s.".formatted(top, members.size(),
                                String.join(", ", first.stream().map(Member::name).toList()),
                                format.percent(share.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN)), c)));
            }
        }
        return warnings;
    }
}
