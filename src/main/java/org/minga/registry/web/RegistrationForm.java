package org.minga.registry.web;

import java.time.LocalDate;

import org.minga.registry.internal.Registrations;
import org.springframework.format.annotation.DateTimeFormat;

/** The page form of a scheme's registration with the national register. */
public record RegistrationForm(String authority, String number,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredOn, String notes) {

    Registrations.NewRegistration input() {
        return new Registrations.NewRegistration(authority, number, registeredOn, notes);
    }
}
