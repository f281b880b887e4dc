package org.minga.projects.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.minga.platform.Checks;
import org.minga.platform.Currency;
import org.minga.platform.Inputs;
import org.minga.platform.Money;
import org.minga.projects.internal.Projects.Beneficiary;
import org.minga.projects.internal.Projects.Draft;
import org.minga.territory.TerritorialUnit;

/**
 * The rules of a project's data, stated once: a single create, an update and every row of an
 * import go through them. They need no database: what they must know (whether the code is taken,
 * which units exist and are members today) is read by the caller, once for a whole import.
 */
final class ProjectRules {

    private ProjectRules() {
    }

    /**
     * The draft stripped and checked: its Bean Validation constraints, the code unique in the
     * scheme ({@code codeTaken}), digits for the BPIN, an entered amount for the cost (never
     * rounded), COP when no currency is given, a sector of the country's {@code catalogue} (stored by
     * its name; {@code keptSector}, the value stored before the catalogue, stays acceptable on edit), a
     * GeoJSON location and a planned end not before the start.
     */
    static Draft draft(Checks checks, Draft d, boolean codeTaken, Sectors.Catalogue catalogue, String keptSector) {
        if (d == null) {
            d = new Draft(null, null, null, null, null, null, null, null, null, null, null);
        }
        checks.valid(d);
        String code = Inputs.text(d.code());
        checks.rule(code == null || !codeTaken, "code", "Unique", "projects.code.taken", code);
        String bpin = Inputs.text(d.bpin());
        checks.rule(bpin == null || bpin.matches("\\d{1,20}"), "bpin", "Digits", "projects.bpin.digits");
        Currency currency = Inputs.text(d.currency()) == null ? Currency.COP
                : checks.oneOf("currency", Currency.class, d.currency());
        if (d.cost() != null) {
            checks.rule(Money.fits(d.cost()), "cost", "Money", "Money", "cost", Money.SCALE, Money.INTEGER_DIGITS);
            checks.rule(d.cost().signum() >= 0, "cost", "PositiveOrZero", "projects.cost.negative");
        }
        String sector = Inputs.text(d.sector());
        if (sector != null) {
            var known = catalogue.resolve(sector);
            checks.rule(known.isPresent() || sector.equals(keptSector), "sector", "OneOf", "projects.sector.unknown",
                    sector);
            sector = known.orElse(sector);
        }
        checks.rule(Locations.valid(d.location()), "location", "GeoJson", "projects.location.shape");
        checks.rule(d.plannedStart() == null || d.plannedEnd() == null || !d.plannedEnd().isBefore(d.plannedStart()),
                "plannedEnd", "After", "projects.plannedEnd.before");
        return new Draft(code, bpin, Inputs.text(d.name()), sector, Inputs.text(d.description()),
                Inputs.text(d.pillar()), d.cost(), currency == null ? null : currency.name(), d.location(),
                d.plannedStart(), d.plannedEnd());
    }

    /** A unit code as entered: stripped, upper case; empty when blank. */
    static String unitCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Each beneficiary a unit that exists today in the scheme's country ({@code units}, by code) and
     * is a member today ({@code members}: a project of the scheme benefits its members, otherwise it
     * would show in another unit's list of projects), once, counts not negative and women and men
     * within people. {@code field} names a beneficiary's field by its index and name.
     */
    static List<Beneficiary> beneficiaries(Checks checks, String country, List<Beneficiary> list,
            Map<String, TerritorialUnit> units, Predicate<TerritorialUnit> members, LocalDate today,
            BiFunction<Integer, String, String> field) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Beneficiary> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Beneficiary b = list.get(i);
            if (b == null) {
                continue;
            }
            String code = unitCode(b.unitCode());
            String unitField = field.apply(i, "unitCode");
            if (code.isEmpty()) {
                checks.rule(false, unitField, "NotBlank", "projects.unit.required");
                continue;
            }
            TerritorialUnit unit = units.get(code);
            if (unit == null) {
                checks.rule(false, unitField, "Exists", "projects.unit.unknown", country, code);
                continue;
            }
            if (!members.test(unit)) {
                checks.rule(false, unitField, "Member", "registry.unit.notMember", code, today.toString());
                continue;
            }
            if (!seen.add(code)) {
                checks.rule(false, unitField, "Unique", "projects.beneficiary.repeated", code);
                continue;
            }
            count(checks, field.apply(i, "families"), b.families());
            count(checks, field.apply(i, "people"), b.people());
            count(checks, field.apply(i, "women"), b.women());
            count(checks, field.apply(i, "men"), b.men());
            checks.rule(b.people() == null || (b.women() == null && b.men() == null)
                    || Objects.requireNonNullElse(b.women(), 0) + Objects.requireNonNullElse(b.men(), 0) <= b.people(),
                    field.apply(i, "people"), "WomenAndMenWithinPeople", "projects.beneficiary.peopleSum");
            clean.add(new Beneficiary(code, b.families(), b.people(), b.women(), b.men()));
        }
        return clean;
    }

    /** The field names of a single beneficiary ({@code unitCode}) or of one in a list ({@code beneficiaries[1].unitCode}). */
    static BiFunction<Integer, String, String> fieldsOf(int size) {
        return (i, name) -> size == 1 || name.equals("families") || name.equals("women") || name.equals("men")
                ? name : "beneficiaries[" + i + "]." + name;
    }

    private static void count(Checks checks, String field, Integer value) {
        checks.rule(value == null || value >= 0, field, "PositiveOrZero", "projects.beneficiary.negative");
    }
}
