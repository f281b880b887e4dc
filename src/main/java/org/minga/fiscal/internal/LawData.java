package org.minga.fiscal.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.fiscal.internal.TaxEngine.Condition;
import org.minga.fiscal.internal.TaxEngine.Economy;
import org.minga.fiscal.internal.TaxEngine.Kind;
import org.minga.fiscal.internal.TaxEngine.LimitRule;
import org.minga.fiscal.internal.TaxEngine.Regime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the law as data (V40__fiscal_rules.sql): rate bounds, limit regimes and yearly economic facts. */
@Component
public record LawData(JdbcClient jdbc) {

    public record Bound(String scope, BigDecimal min, BigDecimal max, String article) {
    }

    public record EconomicYear(int year, BigDecimal cpiPercent, Long minimumWage) {
    }

    /** The national bound for a band's rate: the higher ceiling for unbuilt lots (Q, R), else the general range. */
    public Optional<Bound> bound(int year, Character destination) {
        String scope = destination != null && (destination == 'Q' || destination == 'R') ? "UNBUILT_LOTS" : "GENERAL";
        return jdbc.sql("""
                select scope, min_per_mil as min, max_per_mil as max, article from fiscal_rate_bound
                where :y between from_year and to_year and scope = :s""").param("y", year).param("s", scope)
                .query(Bound.class).optional();
    }

    public String regimeCode(int year) {
        return jdbc.sql("select code from fiscal_limit_regime where :y between from_year and to_year").param("y", year)
                .query(String.class).single();
    }

    public Regime regime(String code) {
        List<LimitRule> limits = jdbc.sql("""
                select code, condition, kind, percent, max_minimum_wages, article from fiscal_limit_rule
                where regime = :r order by position""").param("r", code)
                .query((rs, n) -> new LimitRule(rs.getString("code"), Condition.valueOf(rs.getString("condition")),
                        Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("percent").movePointRight(2).intValueExact(),
                        rs.getObject("max_minimum_wages", Integer.class), rs.getString("article")))
                .list();
        Map<TaxEngine.Exception, String> exceptions = new EnumMap<>(TaxEngine.Exception.class);
        jdbc.sql("select code, article from fiscal_limit_exception where regime = :r").param("r", code)
                .query((rs, n) -> exceptions.put(TaxEngine.Exception.valueOf(rs.getString("code")), rs.getString("article")))
                .list();
        return new Regime(code, limits, exceptions);
    }

    public Optional<EconomicYear> economicYear(int year) {
        return jdbc.sql("select year, cpi_percent, minimum_wage from fiscal_economic_year where year = :y")
                .param("y", year).query(EconomicYear.class).optional();
    }

    public List<EconomicYear> economicYears() {
        return jdbc.sql("select year, cpi_percent, minimum_wage from fiscal_economic_year order by year desc")
                .query(EconomicYear.class).list();
    }

    /**
     * The facts a year's liquidation needs, or empty with the missing one named: the CPI of the
     * previous year when a limit uses it, the minimum wage of the year when a limit counts wages.
     */
    public Economy economy(int year, Regime regime, List<String> missing) {
        boolean needsCpi = regime.limits().stream().anyMatch(l -> l.kind() == Kind.CPI_PLUS);
        boolean needsWage = regime.limits().stream().anyMatch(l -> l.maxMinimumWages() != null);
        var previous = economicYear(year - 1);
        var current = economicYear(year);
        if (needsCpi && (previous.isEmpty() || previous.get().cpiPercent() == null)) {
            missing.add("cpi:" + (year - 1));
        }
        if (needsWage && (current.isEmpty() || current.get().minimumWage() == null)) {
            missing.add("minimumWage:" + year);
        }
        int cpi = previous.map(EconomicYear::cpiPercent).map(c -> c.movePointRight(2).intValueExact()).orElse(0);
        long wage = current.map(EconomicYear::minimumWage).orElse(0L);
        return new Economy(year, cpi, wage);
    }

    public String limitArticle(String regime, String code) {
        return jdbc.sql("select article from fiscal_limit_rule where regime = :r and code = :c").param("r", regime)
                .param("c", code).query(String.class).optional().orElse(null);
    }

    public String exceptionArticle(String regime, String code) {
        return jdbc.sql("select article from fiscal_limit_exception where regime = :r and code = :c").param("r", regime)
                .param("c", code).query(String.class).optional().orElse(null);
    }
}
