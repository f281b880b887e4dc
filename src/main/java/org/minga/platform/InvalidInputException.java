package org.minga.platform;

import java.util.List;

/**
 * Input that breaks a rule. Names the field and the rule; the message key is resolved in the
 * user's language. The API answers 400 problem+json, the UI shows it beside the field.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(String field, String rule, String messageKey, Object... args) {
        this(List.of(new Violation(field, rule, messageKey, args)));
    }

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.rule()).reduce((a, b) -> a + ", " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String rule, String messageKey, Object... args) {
    }
}
