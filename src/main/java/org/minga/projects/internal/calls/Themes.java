package org.minga.projects.internal.calls;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The small taxonomy of cooperants' themes (what they support, the cooperation matrix); labels are
 * the messages {@code theme.<CODE>}. Projects and funding calls name sectors of the national
 * catalogue instead ({@link org.minga.projects.internal.Sectors}).
 */
public enum Themes {
    TRANSPORT, WATER_SANITATION, HOUSING, ENERGY, AGRICULTURE, ENVIRONMENT, EDUCATION, HEALTH, TOURISM, ICT,
    INSTITUTIONAL, PEACE;

    public static Optional<Themes> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(c)).findFirst();
    }

    /** Spanish names, for stored reasons, exports and audit summaries. */
    public String spanishName() {
        return switch (this) {
            case TRANSPORT -> "Transporte y vías";
            case WATER_SANITATION -> "Agua potable y saneamiento básico";
            case HOUSING -> "Vivienda";
            case ENERGY -> "Energía y electrificación rural";
            case AGRICULTURE -> "Desarrollo agropecuario";
            case ENVIRONMENT -> "Ambiente y gestión del riesgo";
            case EDUCATION -> "Educación";
            case HEALTH -> "Salud";
            case TOURISM -> "Turismo";
            case ICT -> "Tecnologías de la información";
            case INSTITUTIONAL -> "Fortalecimiento institucional";
            case PEACE -> "Paz y reconciliación";
        };
    }
}
