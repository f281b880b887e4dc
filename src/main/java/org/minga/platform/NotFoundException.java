package org.minga.platform;

/**
 * The thing asked for does not exist (or the user may not know it exists): 404. {@code what} is
 * the thing's noun in Spanish ("trámite"); the API says it in the request's language through the
 * bundle key {@code entity.<noun without accents, words joined by dashes>} ({@code entity.tramite}).
 */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final transient Object id;

    public NotFoundException(String what, Object id) {
        super(what + " " + id);
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public Object id() {
        return id;
    }

    /** The bundle key naming {@code what}: "tipo de trámite" is {@code entity.tipo-de-tramite}. */
    public String nounKey() {
        String plain = java.text.Normalizer.normalize(what.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        return "entity." + plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
