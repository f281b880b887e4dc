package org.minga.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.ObjectMapper;

/**
 * RFC 9457 problem details, the one error shape of the API. Each problem carries a stable machine
 * {@code code} (invalid-input, not-found, forbidden, duplicate, stale, unauthenticated,
 * login-throttled...), its type {@code /problems/<code>}, and a title and detail in the request's
 * language, from the bundle keys {@code problem.<code>.title} and {@code problem.<code>.detail}.
 */
public final class Problems {

    /** The installation's language, and the API's when the request names none it speaks. */
    public static final Locale SPANISH = Locale.forLanguageTag("es-CO");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code);
        return problem;
    }

    /** A problem whose title and detail come from the bundle: {@code problem.<code>.title/.detail}. */
    public static ProblemDetail of(MessageSource messages, Locale locale, HttpStatus status, String code,
            String instance, Object... detailArgs) {
        return of(status, code, title(messages, locale, code), detail(messages, locale, code, detailArgs), instance);
    }

    /**
     * A problem for a bare HTTP status (405, 415...): code {@code http-<status>} ({@code unexpected}
     * for 5xx), texts from {@code problem.http-<status>.*}, or the general {@code problem.http.*}.
     */
    public static ProblemDetail ofStatus(MessageSource messages, Locale locale, HttpStatusCode status, String instance) {
        String code = status.is5xxServerError() ? "unexpected" : "http-" + status.value();
        String texts = messages.getMessage("problem." + code + ".title", null, null, locale) == null ? "http" : code;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(messages, locale, texts));
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(title(messages, locale, texts));
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code);
        return problem;
    }

    public static String title(MessageSource messages, Locale locale, String code) {
        return messages.getMessage("problem." + code + ".title", null, locale);
    }

    public static String detail(MessageSource messages, Locale locale, String code, Object... args) {
        return messages.getMessage("problem." + code + ".detail", args, locale);
    }

    /** One broken rule: the field, the rule, and a message in the user's language. */
    public record FieldProblem(String field, String rule, String message) {
    }

    /** Invalid input, titled in the request's language. */
    public static ProblemDetail invalid(MessageSource messages, Locale locale, List<FieldProblem> errors,
            String instance) {
        String summary = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElseGet(() -> detail(messages, locale, "invalid-input"));
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", title(messages, locale, "invalid-input"),
                summary, instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The language of an API request: the first of {@code Accept-Language} that Minga speaks
     * (Spanish or English), Spanish when the header is absent or names neither. Pages keep the
     * cookie and {@code ?lang}; an API client says what it reads in the standard header.
     */
    public static Locale locale(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return SPANISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() == 0) {
                    continue;
                }
                String language = range.getRange().split("-")[0];
                if (language.equals("es") || language.equals("*")) {
                    return SPANISH;
                }
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return SPANISH;
        }
        return SPANISH;
    }

    /** The flat JSON members of a problem, as RFC 9457 lays them out. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** Writes a problem straight to the response, for filters that run before any controller. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
            HttpStatus status, String code, String title, String detail, Map<String, Object> extra)
            throws IOException {
        ProblemDetail problem = of(status, code, title, detail, request.getRequestURI());
        extra.forEach(problem::setProperty);
        write(response, json, problem);
    }

    /** The same, titled and explained from the bundle in the request's language. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
            MessageSource messages, HttpStatus status, String code, Map<String, Object> extra, Object... detailArgs)
            throws IOException {
        ProblemDetail problem = of(messages, locale(request), status, code, request.getRequestURI(), detailArgs);
        extra.forEach(problem::setProperty);
        write(response, json, problem);
    }

    private static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }
}
