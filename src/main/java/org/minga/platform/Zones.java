package org.minga.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What day it is, and where. The installation has one zone ({@code MINGA_TIME_ZONE}); each
 * country has its own, and a scheme's dates (a due date, "today" on its pages) are in its
 * country's. Every module asks here instead of calling {@code LocalDate.now()}, so a test can move
 * the clock and El Salvador is never six hours in Bogotá. A bean: inject it.
 */
public final class Zones {

    private static final Map<String, ZoneId> COUNTRIES = Map.of("CO", ZoneId.of("America/Bogota"), "SV",
            ZoneId.of("America/El_Salvador"));

    private final Clock clock;

    public Zones(Clock clock) {
        this.clock = clock;
    }

    /** The installation's zone. */
    public ZoneId installation() {
        return clock.getZone();
    }

    /** A country's zone (Colombia's for any other), for code that writes a country's document without the bean. */
    public static ZoneId country(String country) {
        return country == null ? COUNTRIES.get("CO") : COUNTRIES.getOrDefault(country, COUNTRIES.get("CO"));
    }

    /** A country's zone; the installation's for a country Minga has no zone for. */
    public ZoneId of(String country) {
        return country == null ? installation() : COUNTRIES.getOrDefault(country, installation());
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today in the installation's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Today in a country. */
    public LocalDate today(String country) {
        return LocalDate.ofInstant(clock.instant(), of(country));
    }
}
