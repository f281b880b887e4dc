package org.minga.platform;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.minga.platform.InvalidInputException.Violation;

/**
 * The one way to check input. A request record declares its shape with Bean Validation
 * ({@code @NotBlank @Size(max = 300) String name}); the service runs {@link #valid} on it, then
 * adds the rules that need the domain or several fields ({@link #rule}, {@link #money},
 * {@link #period}) and calls {@link #orThrow}: every broken rule is reported at once, and nothing
 * is written. Page and API get the same violations, so the same messages.
 * <p>
 * A violation's message key is the rule's name ({@code NotBlank}, {@code Size}, {@code Money}…),
 * resolved in messages.properties with the same arguments Spring's binder gives a {@code @Valid}
 * form: the field first, then the constraint's attributes in alphabetical order ({@code Size}:
 * max, min). A module may use its own key for a rule that needs its own words.
 */
public final class Checks {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final java.util.Set<String> NOT_ARGUMENTS = java.util.Set.of("message", "groups", "payload");

    private final List<Violation> violations = new ArrayList<>();

    public Checks() {
    }

    /** Checks a record's Bean Validation constraints and throws at once if one is broken. */
    public static <T> T require(T input) {
        new Checks().valid(input).orThrow();
        return input;
    }

    /** Adds the violations of a record's Bean Validation constraints, field by field. */
    public Checks valid(Object input) {
        if (input == null) {
            return this;
        }
        List<ConstraintViolation<Object>> found = new ArrayList<>(VALIDATOR.validate(input));
        found.sort(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<Object> v : found) {
            Annotation constraint = v.getConstraintDescriptor().getAnnotation();
            String rule = constraint.annotationType().getSimpleName();
            String field = v.getPropertyPath().toString();
            List<Object> args = new ArrayList<>();
            args.add(field);
            args.addAll(arguments(v.getConstraintDescriptor().getAttributes()));
            violations.add(new Violation(field, rule, rule, args.toArray()));
        }
        return this;
    }

    /** A rule of the domain: when {@code holds} is false, {@code field} breaks {@code rule}. */
    public Checks rule(boolean holds, String field, String rule, String messageKey, Object... args) {
        if (!holds) {
            violations.add(new Violation(field, rule, messageKey, args));
        }
        return this;
    }

    public Checks add(Violation violation) {
        violations.add(violation);
        return this;
    }

    public Checks addAll(Collection<Violation> more) {
        violations.addAll(more);
        return this;
    }

    /** A required one-line text, stripped; {@code NotBlank} or {@code Size} otherwise. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "NotBlank", "NotBlank", field));
            return null;
        }
        return optionalText(field, value, max);
    }

    /** An optional text, stripped, blank as null; {@code Size} when longer than {@code max}. */
    public String optionalText(String field, String value, int max) {
        String text = Inputs.text(value);
        if (text != null && text.length() > max) {
            violations.add(new Violation(field, "Size", "Size", field, max, 0));
            return null;
        }
        return text;
    }

    /** A value that must be there; {@code Required} otherwise. */
    public <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(new Violation(field, "Required", "Required", field));
        }
        return value;
    }

    /** One of an enum's constants by name (case as declared); {@code OneOf} listing them otherwise. */
    public <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        E parsed = Inputs.enumValue(type, value);
        if (parsed == null) {
            violations.add(new Violation(field, "OneOf", "OneOf", field,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
        return parsed;
    }

    /** A number from {@code min} to {@code max}, both included; {@code Range} otherwise. */
    public BigDecimal range(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return required(field, null);
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            violations.add(new Violation(field, "Range", "Range", field, max.toPlainString(), min.toPlainString()));
            return null;
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}; {@code Range} otherwise. */
    public Integer range(String field, Integer value, int min, int max) {
        if (value == null) {
            return required(field, null);
        }
        if (value < min || value > max) {
            violations.add(new Violation(field, "Range", "Range", field, max, min));
            return null;
        }
        return value;
    }

    /**
     * An entered amount in a currency (see {@link Money}): {@code Required}, {@code Money} (too many
     * decimals or digits), {@code Min} (negative, or zero when {@code positive}) on {@code field};
     * {@code OneOf} on {@code currencyField}.
     */
    public Money money(String field, BigDecimal amount, String currencyField, String currency, boolean positive) {
        Currency parsed = null;
        try {
            parsed = Currency.parse(currency, currencyField);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        if (amount == null) {
            violations.add(new Violation(field, "Required", "Required", field));
            return null;
        }
        if (!Money.fits(amount)) {
            violations.add(new Violation(field, "Money", "Money", field, Money.SCALE, Money.INTEGER_DIGITS));
            return null;
        }
        if (amount.signum() < 0 || (positive && amount.signum() == 0)) {
            violations.add(new Violation(field, "Min", positive ? "Positive" : "PositiveOrZero", field));
            return null;
        }
        return parsed == null ? null : new Money(amount, parsed);
    }

    /** A period whose end, if any, is not before its start; {@code Required} or {@code After} otherwise. */
    public Period period(String fromField, LocalDate from, String toField, LocalDate to) {
        if (from == null) {
            violations.add(new Violation(fromField, "Required", "Required", fromField));
            return null;
        }
        if (to != null && to.isBefore(from)) {
            violations.add(new Violation(toField, "After", "After", toField, fromField));
            return null;
        }
        return new Period(from, to);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws every violation found so far, if any. */
    public void orThrow() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static List<Object> arguments(Map<String, Object> attributes) {
        List<Object> args = new ArrayList<>();
        new TreeMap<>(attributes).forEach((name, value) -> {
            if (!NOT_ARGUMENTS.contains(name)) {
                args.add(value);
            }
        });
        return args;
    }
}
