package org.minga.registry;

import java.util.Map;

/**
 * The demo's six real schemes are registered (MINGA_DEMO=true). Published at every start of a demo,
 * synchronously, on the demo's thread acting as the platform administrator; each module that
 * listens adds the life its sources describe to these schemes, once (it checks whether its
 * demonstration data is already there), in the order of the listeners' {@code @Order}, so that
 * later modules (equity, health, dossiers) find the earlier ones' data.
 *
 * @param schemeIds the scheme id by acronym: ASOMUNICIPIOS, ALN (Los Nonualcos), ASINORLU, El Bálsamo,
 *                  Cayaguanca, Los Izalcos
 */
public record DemoSchemesRegistered(Map<String, Long> schemeIds) {

    /** Text that marks what the demo invented to fill a screen (facts from the sources carry their source). */
    public static final String INVENTED = "Dato de demostración (inventado para ilustrar)";

    public long id(String acronym) {
        Long id = schemeIds.get(acronym);
        if (id == null) {
            throw new IllegalArgumentException("No demo scheme " + acronym);
        }
        return id;
    }
}
