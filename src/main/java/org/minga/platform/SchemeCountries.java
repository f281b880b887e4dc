package org.minga.platform;

import java.util.Optional;

/**
 * The country of a scheme, for writing its pages' numbers the country's way. Platform knows no
 * schemes, so the register answers (registry implements it).
 */
public interface SchemeCountries {

    /** CO or SV; empty for an unknown scheme. */
    Optional<String> countryOf(long schemeId);
}
