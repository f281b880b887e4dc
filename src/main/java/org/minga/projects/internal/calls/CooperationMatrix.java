package org.minga.projects.internal.calls;

import org.minga.projects.internal.Bank;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.minga.projects.internal.calls.Cooperants.Cell;
import org.minga.projects.internal.calls.Cooperants.Duplicate;
import org.minga.projects.internal.calls.Cooperants.Matrix;
import org.minga.projects.internal.calls.Cooperants.Support;
import org.minga.registry.SchemeFacts;
import org.springframework.stereotype.Service;

/**
 * The cooperation matrix cooperant × unit × theme from the support records, and the duplicate
 * warning: two cooperants funding the same theme in the same unit in overlapping periods
 * (catatumbo L1170-1248: cooperation complements, never duplicates). The pairing is pure
 * ({@link #duplicates}); the members of a scheme come from the register's {@link SchemeFacts}.
 */
@Service
public record CooperationMatrix(Bank bank, Cooperants cooperants, SchemeFacts facts) {

    /**
     * Supports active on the day (all when {@code at} is null), in the units that are members of
     * the scheme on that day (or today) when {@code schemeId} is given.
     */
    public List<Support> supports(Long schemeId, LocalDate at) {
        StringBuilder sql = new StringBuilder(Cooperants.SUPPORTS).append(" where true");
        Map<String, Object> p = new HashMap<>();
        if (at != null) {
            sql.append(" and s.starts_on <= :at and (s.ends_on is null or s.ends_on >= :at)");
            p.put("at", Date.valueOf(at));
        }
        if (schemeId != null) {
            String country = bank.country(schemeId);
            List<String> members = facts.members(schemeId, at == null ? bank.zones().today(country) : at).stream()
                    .map(SchemeFacts.Member::code).filter(java.util.Objects::nonNull).distinct().toList();
            sql.append(" and s.unit_code = any(:members)");
            p.put("members", new org.springframework.jdbc.support.SqlArrayValue("text", members.toArray()));
        }
        sql.append(" order by s.unit_code, s.theme, c.name, s.starts_on, s.id");
        return cooperants.named(bank.jdbc().sql(sql.toString()).params(p).query(Cooperants::support).list());
    }

    public Matrix matrix(Long schemeId, LocalDate at) {
        List<Support> supports = supports(schemeId, at);
        List<Duplicate> duplicates = duplicates(supports);
        Set<String> duplicatedCells = new HashSet<>();
        duplicates.forEach(d -> duplicatedCells.add(d.unitCode() + "|" + d.theme()));
        Map<String, List<Support>> byCell = new TreeMap<>();
        Set<String> cooperants = new java.util.TreeSet<>();
        for (Support s : supports) {
            byCell.computeIfAbsent(s.unitCode() + "|" + s.theme(), k -> new ArrayList<>()).add(s);
            cooperants.add(s.cooperantName());
        }
        List<Cell> cells = byCell.entrySet().stream().map(e -> {
            Support first = e.getValue().getFirst();
            return new Cell(first.unitCode(), first.unitName(), first.theme(), List.copyOf(e.getValue()),
                    duplicatedCells.contains(e.getKey()));
        }).toList();
        return new Matrix(schemeId, at, List.copyOf(cooperants), cells, duplicates);
    }

    /** Pairs of supports by different cooperants, same unit and theme, whose periods overlap. */
    static List<Duplicate> duplicates(List<Support> supports) {
        Map<String, List<Support>> byCell = new LinkedHashMap<>();
        supports.forEach(s -> byCell.computeIfAbsent(s.unitCode() + "|" + s.theme(), k -> new ArrayList<>()).add(s));
        List<Duplicate> out = new ArrayList<>();
        for (List<Support> unsorted : byCell.values()) {
            List<Support> cell = unsorted.stream()
                    .sorted(java.util.Comparator.comparing(Support::startsOn).thenComparing(Support::id)).toList();
            for (int i = 0; i < cell.size(); i++) {
                for (int j = i + 1; j < cell.size(); j++) {
                    Support a = cell.get(i);
                    Support b = cell.get(j);
                    if (a.cooperantId() != b.cooperantId() && overlap(a, b)) {
                        String theme = Themes.of(a.theme()).map(Themes::spanishName).orElse(a.theme());
                        out.add(new Duplicate(a.unitCode(), a.unitName(), a.theme(), a, b, a.cooperantName() + " y "
                                + b.cooperantName() + " apoyan " + theme + " en " + a.unitName() + " en periodos que se"
                                + " cruzan (" + a.period() + " y " + b.period() + ")."));
                    }
                }
            }
        }
        return out;
    }

    static boolean overlap(Support a, Support b) {
        boolean aEndsBeforeB = a.endsOn() != null && a.endsOn().isBefore(b.startsOn());
        boolean bEndsBeforeA = b.endsOn() != null && b.endsOn().isBefore(a.startsOn());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
