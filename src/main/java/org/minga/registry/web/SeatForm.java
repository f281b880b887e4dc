package org.minga.registry.web;

import java.time.LocalDate;

import org.minga.registry.internal.GoverningBodies;
import org.springframework.format.annotation.DateTimeFormat;

/** The page form of a seat in one of the scheme's bodies. */
public record SeatForm(Long bodyId, String personName, String role, String unitCode,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termEnd) {

    GoverningBodies.NewSeat input() {
        return new GoverningBodies.NewSeat(personName, role, unitCode, termStart, termEnd);
    }
}
