package org.minga.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Small rules shared by the project bank's services. */
public final class Guard {

    public static final Set<String> CURRENCIES = Set.of("COP", "USD");

    private Guard() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Money carries two decimals, rounded half to even. */
    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static String required(String field, String value, int max, String key, List<Violation> problems) {
        String v = blankToNull(value);
        if (v == null) {
            problems.add(new Violation(field, "NotBlank", key));
        } else if (v.length() > max) {
            problems.add(new Violation(field, "Size", "projects.size", String.valueOf(max)));
        }
        return v;
    }

    public static String optional(String field, String value, int max, List<Violation> problems) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            problems.add(new Violation(field, "Size", "projects.size", String.valueOf(max)));
        }
        return v;
    }

    public static String currency(String field, String value, List<Violation> problems) {
        String c = value == null || value.isBlank() ? "COP" : value.strip().toUpperCase();
        if (!CURRENCIES.contains(c)) {
            problems.add(new Violation(field, "OneOf", "projects.currency"));
        }
        return c;
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
