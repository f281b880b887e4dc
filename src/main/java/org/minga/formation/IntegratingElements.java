package org.minga.formation;

import java.time.LocalDate;
import java.util.List;

/**
 * The integrating elements (catatumbo L335–371) Minga can compute itself for a proposal on a date:
 * whether the prospective members form one territory, whether their municipal categories are
 * similar, and which existing schemes already hold some of them. Each has its warnings, shown and
 * never blocking.
 */
public record IntegratingElements(LocalDate at, List<Unit> unknownUnits, Contiguity contiguity,
        Categories categories, List<Overlap> overlaps, List<Warning> warnings) {

    public record Unit(String code, String name) {
    }

    /** One group means the prospective members are contiguous; several are named. */
    public record Contiguity(boolean contiguous, List<List<Unit>> groups) {
    }

    /** Similarity of Ley 617 de 2000 categories; {@code category} is null where Minga has no data. */
    public record Categories(Similarity similarity, List<UnitCategory> units) {
    }

    public enum Similarity { SIMILAR, DISSIMILAR, UNKNOWN }

    public record UnitCategory(String code, String name, String category) {
    }

    public record Overlap(long schemeId, String schemeName, List<Unit> sharedMembers) {
    }

    /** A computed warning: a code for programs and a message in the reader's language. */
    public record Warning(String code, String message) {
    }
}
