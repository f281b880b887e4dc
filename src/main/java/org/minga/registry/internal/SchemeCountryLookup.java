package org.minga.registry.internal;

import java.util.Optional;

import org.minga.platform.SchemeCountries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells platform a scheme's country, so its pages write numbers that country's way (by primary key, no scope: a country is no secret). */
@Component
record SchemeCountryLookup(JdbcClient jdbc) implements SchemeCountries {

    @Override
    public Optional<String> countryOf(long schemeId) {
        return jdbc.sql("select country from scheme where id = :id").param("id", schemeId).query(String.class).optional();
    }
}
