package org.minga.platform;

import java.util.Arrays;

/** The currencies Minga keeps money in: Colombia's peso and the US dollar (El Salvador's legal tender). */
public enum Currency {
    COP,
    USD;

    /** The currency a person named, or a violation of {@code OneOf} on {@code field}. */
    public static Currency parse(String value, String field) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "OneOf", "input.currency",
                    String.join(", ", Arrays.stream(values()).map(Enum::name).toList()));
        }
    }
}
