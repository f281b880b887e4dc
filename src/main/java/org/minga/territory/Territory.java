package org.minga.territory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other modules may ask of the territory, always as of a date. */
public interface Territory {

    Optional<TerritorialUnit> find(String country, String code, LocalDate at);

    /** The units among the codes that exist on the date, by code, in one query. */
    java.util.Map<String, TerritorialUnit> findAll(String country, Collection<String> codes, LocalDate at);

    /** The neighbour pairs among the given units (codes of one country), valid on the date. */
    List<Neighbours> neighboursAmong(String country, Collection<String> codes, LocalDate at);

    /**
     * One yearly attribute (such as {@code category}) of the given units as of the date: for each
     * code, the value of the latest year not after the date's year. Codes without a value are absent.
     */
    java.util.Map<String, String> attributeAt(String country, Collection<String> codes, String attribute,
            LocalDate at);

    record Neighbours(String a, String b, double sharedBorderMeters) {
    }
}
