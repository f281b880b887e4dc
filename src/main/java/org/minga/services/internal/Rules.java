package org.minga.services.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;

/** Small input rules shared by the services module; each adds a violation naming field and rule. */
public final class Rules {

    private Rules() {
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, List<Violation> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation(field, "OneOf", "services.oneOf",
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    public static String text(String value, String field, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(field, "NotBlank", "services.required"));
            return null;
        }
        if (value.length() > 500) {
            errors.add(new Violation(field, "Size", "services.tooLong", 500));
            return null;
        }
        return value.strip();
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Money: not negative (positive when {@code positive}), at most two decimals. */
    public static void money(BigDecimal value, String field, boolean positive, List<Violation> errors) {
        if (value == null || value.signum() < 0 || (positive && value.signum() == 0) || value.stripTrailingZeros().scale() > 2
                || value.compareTo(new BigDecimal("1e15")) >= 0) {
            errors.add(new Violation(field, "Money", positive ? "services.money.positive" : "services.money"));
        }
    }

    public static void currency(String value, String field, List<Violation> errors) {
        if (!"COP".equals(value) && !"USD".equals(value)) {
            errors.add(new Violation(field, "OneOf", "services.currency"));
        }
    }

    public static void required(Object value, String field, List<Violation> errors) {
        if (value == null) {
            errors.add(new Violation(field, "NotNull", "services.required"));
        }
    }

    public static void throwIfAny(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
