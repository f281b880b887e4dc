package org.minga.territory;

import java.time.LocalDate;

/** One version of a territorial unit: valid from {@code validFrom} to {@code validTo} (inclusive; null = still). */
public record TerritorialUnit(String country, String code, String name, Level level, String parentCode,
        LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
