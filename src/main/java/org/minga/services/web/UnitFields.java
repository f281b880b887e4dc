package org.minga.services.web;

import java.util.Set;

import org.minga.platform.Zones;
import org.minga.registry.Schemes;
import org.minga.territory.Units;
import org.springframework.stereotype.Component;

/** A unit typed in one of a scheme's service forms (a name or a code), read in the scheme's country today. */
@Component("servicesUnitFields")
record UnitFields(Units units, Schemes schemes, Zones zones) {

    String code(long schemeId, String field, String typed) {
        String country = schemes.get(schemeId).getCountry().name();
        return units.code(field, typed, new Units.Scope(country, Set.of(), zones.today(country)));
    }
}
