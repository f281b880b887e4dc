package org.minga.fiscal.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The property-tax computation for one municipality and year, pure and allocation-light so it can
 * run over millions of parcels. Amounts are exact: a tax is kept in hundred-thousandths of a peso
 * ({@code value × rate in hundredths of a per mil}), the yearly limit is applied to that exact
 * figure and only the result is rounded half-up to the whole peso, as municipalities bill.
 */
public final class TaxEngine {

    /** Hundred-thousandths of a peso per peso: the unit of exact amounts. */
    public static final long EXACT = 100_000L;

    /** Where the parcel lies: urban or rural. */
    public enum Zone { U, R }

    /** The conditions a limit rule can ask for. */
    public enum Condition { ANY, UPDATED, NOT_UPDATED, LOW_STRATA_HOUSING }

    /** How a limit is computed from last year's tax. */
    public enum Kind { PERCENT, CPI_PLUS }

    /** Parcels the law takes out of the yearly limit. */
    public enum Exception { FIRST_ENTRY, UNBUILT_LOT, NEW_CONSTRUCTION, SELF_ASSESSED, DESTINATION_CHANGE, AREA_CHANGE }

    /**
     * One parcel's facts. Areas in hundredths of a square metre; previous values are -1 (or 0 for
     * the destination) when the parcel was not in last year's cadastre.
     */
    public record Parcel(String number, Zone zone, char destination, int stratum, long landArea, long builtArea,
            long value, boolean updated, boolean selfAssessed, long previousTax, char previousDestination,
            long previousLandArea, long previousBuiltArea) {
    }

    /** A rate in hundredths of a per mil for the parcels that match every non-null criterion. */
    public record RateBand(Zone zone, Character destination, Integer stratum, Long valueFrom, Long valueTo,
            int rateHundredths) {

        boolean matches(Parcel p) {
            return (zone == null || zone == p.zone()) && (destination == null || destination == p.destination())
                    && (stratum == null || stratum == p.stratum()) && (valueFrom == null || p.value() >= valueFrom)
                    && (valueTo == null || p.value() < valueTo);
        }

        int specificity() {
            return (zone == null ? 0 : 1) + (destination == null ? 0 : 2) + (stratum == null ? 0 : 1)
                    + (valueFrom == null && valueTo == null ? 0 : 1);
        }
    }

    /**
     * A limit of a regime: for parcels meeting the condition, the tax may grow at most by
     * {@code percentHundredths} (PERCENT) or by the CPI of the previous year plus that many points
     * (CPI_PLUS). {@code maxMinimumWages} bounds the value for LOW_STRATA_HOUSING.
     */
    public record LimitRule(String code, Condition condition, Kind kind, int percentHundredths,
            Integer maxMinimumWages, String article) {
    }

    /** The limits in force in a year, in the order they are tried, and the exceptions to them. */
    public record Regime(String code, List<LimitRule> limits, Map<Exception, String> exceptions) {
    }

    /** The year's economic facts: CPI of the previous year in hundredths of a percent, the minimum wage. */
    public record Economy(int year, int previousCpiHundredths, long minimumWage) {
    }

    /**
     * What the engine decided. {@code limitCap} is the exact cap (or -1 when no limit applies);
     * {@code limited} whether it was lower than the tax; {@code exception} why no limit applied.
     */
    public record Assessment(int rateHundredths, long exactTax, long taxBeforeLimit, LimitRule limit, long limitCap,
            boolean limited, Exception exception, String exceptionArticle, long finalTax) {

        /** Revenue given up to the limit, in pesos. */
        public long lost() {
            return taxBeforeLimit - finalTax;
        }
    }

    private final RateBand[] bands;
    private final Regime regime;
    private final Economy economy;

    public TaxEngine(List<RateBand> bands, Regime regime, Economy economy) {
        List<RateBand> sorted = new ArrayList<>(bands);
        // The most specific band wins; among equals, the first given (stable sort).
        sorted.sort(Comparator.comparingInt(RateBand::specificity).reversed());
        this.bands = sorted.toArray(RateBand[]::new);
        this.regime = regime;
        this.economy = economy;
    }

    public Regime regime() {
        return regime;
    }

    public Economy economy() {
        return economy;
    }

    /** The rate bands, most specific first (the order they are tried in). */
    public List<RateBand> bands() {
        return List.of(bands);
    }

    /** The band for a parcel, or null when no band covers it. */
    public RateBand band(Parcel p) {
        for (RateBand b : bands) {
            if (b.matches(p)) {
                return b;
            }
        }
        return null;
    }

    /** Assesses one parcel; throws if no rate band covers it. */
    public Assessment assess(Parcel p) {
        RateBand band = band(p);
        if (band == null) {
            throw new IllegalArgumentException("no rate for parcel " + p.number());
        }
        long exact = Math.multiplyExact(p.value(), (long) band.rateHundredths());
        long before = round(exact);
        Exception exception = exception(p);
        if (exception != null) {
            return new Assessment(band.rateHundredths(), exact, before, null, -1, false, exception,
                    regime.exceptions().get(exception), before);
        }
        LimitRule rule = limitFor(p);
        if (rule == null) {
            return new Assessment(band.rateHundredths(), exact, before, null, -1, false, null, null, before);
        }
        long cap = cap(rule, p.previousTax());
        boolean limited = exact > cap;
        long result = round(limited ? cap : exact);
        return new Assessment(band.rateHundredths(), exact, before, rule, cap, limited, null, null, result);
    }

    /** The first exception of the regime the parcel falls under, or null. */
    public Exception exception(Parcel p) {
        Map<Exception, String> ex = regime.exceptions();
        if (ex.isEmpty()) {
            return null;
        }
        if (p.previousTax() < 0 && ex.containsKey(Exception.FIRST_ENTRY)) {
            return Exception.FIRST_ENTRY;
        }
        if ((p.destination() == 'Q' || p.destination() == 'R') && ex.containsKey(Exception.UNBUILT_LOT)) {
            return Exception.UNBUILT_LOT;
        }
        if (p.previousBuiltArea() >= 0 && p.builtArea() > p.previousBuiltArea()
                && ex.containsKey(Exception.NEW_CONSTRUCTION)) {
            return Exception.NEW_CONSTRUCTION;
        }
        if (p.selfAssessed() && ex.containsKey(Exception.SELF_ASSESSED)) {
            return Exception.SELF_ASSESSED;
        }
        if (p.previousDestination() != 0 && p.previousDestination() != p.destination()
                && ex.containsKey(Exception.DESTINATION_CHANGE)) {
            return Exception.DESTINATION_CHANGE;
        }
        if (p.previousLandArea() >= 0 && p.previousLandArea() != p.landArea() && ex.containsKey(Exception.AREA_CHANGE)) {
            return Exception.AREA_CHANGE;
        }
        return null;
    }

    /** The first limit rule whose condition the parcel meets, or null when the regime sets none. */
    public LimitRule limitFor(Parcel p) {
        for (LimitRule r : regime.limits()) {
            boolean applies = switch (r.condition()) {
                case ANY -> true;
                case UPDATED -> p.updated();
                case NOT_UPDATED -> !p.updated();
                case LOW_STRATA_HOUSING -> p.destination() == 'A' && (p.stratum() == 1 || p.stratum() == 2)
                        && r.maxMinimumWages() != null
                        && p.value() <= Math.multiplyExact(economy.minimumWage(), (long) r.maxMinimumWages());
            };
            if (applies) {
                return r;
            }
        }
        return null;
    }

    /** The exact cap: last year's tax grown by the rule's percentage (in hundredths of a percent). */
    public long cap(LimitRule rule, long previousTax) {
        long pct = rule.kind() == Kind.CPI_PLUS ? economy.previousCpiHundredths() + rule.percentHundredths()
                : rule.percentHundredths();
        // previous × (1 + pct/10,000) pesos = previous × (10,000 + pct) × 10 hundred-thousandths.
        return Math.multiplyExact(previousTax, (10_000L + pct) * 10L);
    }

    /** Half-up to the whole peso. */
    public static long round(long exact) {
        return (exact + EXACT / 2) / EXACT;
    }

    /** The exceptions listed in a regime, for display. */
    public static Map<Exception, String> exceptions(Map<Exception, String> in) {
        return in.isEmpty() ? Map.of() : new EnumMap<>(in);
    }
}
