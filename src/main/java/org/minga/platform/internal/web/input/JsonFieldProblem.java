package org.minga.platform.internal.web.input;

import org.minga.platform.TextRule;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.minga.platform.web.Problems.FieldProblem;
import org.springframework.context.MessageSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The field a JSON body got wrong, read from Jackson's path ({@code lines[2].amount}), with the
 * rule it broke: a {@link TextRule}, or the type the field expects.
 */
public final class JsonFieldProblem {

    private JsonFieldProblem() {
    }

    public static Optional<FieldProblem> of(Throwable error, MessageSource messages, Locale locale) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException e && !e.getPath().isEmpty()) {
                String field = path(e);
                if (e instanceof RejectedValue r) {
                    return Optional.of(new FieldProblem(field, r.broken().rule(),
                            messages.getMessage(r.broken().messageKey(), r.broken().args(), locale)));
                }
                Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
                String expected = messages.getMessage("input.kind." + kind(type), null, locale);
                String message = e instanceof InvalidFormatException f && f.getValue() != null
                        ? messages.getMessage("input.type", new Object[] {shorten(f.getValue()), expected}, locale)
                        : messages.getMessage("input.typeOnly", new Object[] {expected}, locale);
                return Optional.of(new FieldProblem(field, "Type", message));
            }
        }
        return Optional.empty();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "date";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "choice";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "value";
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
