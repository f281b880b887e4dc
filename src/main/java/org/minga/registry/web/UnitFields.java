package org.minga.registry.web;

import java.time.LocalDate;
import java.util.Set;

import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.minga.territory.Units;
import org.springframework.stereotype.Component;

/** A unit typed in one of a scheme's forms (a name or a code), read in the scheme's country. */
@Component("registryUnitFields")
record UnitFields(Units units, Schemes schemes, Zones zones) {

    /** The unit's code as it was on the date (today when null), any level; refused on {@code field} otherwise. */
    String code(long schemeId, String field, String typed, LocalDate on) {
        String country = schemes.get(schemeId).getCountry().name();
        return units.code(field, typed, new Units.Scope(country, Set.of(), on == null ? zones.today(country) : on));
    }
}
