package org.minga.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.ObjectMapper;

/**
 * RFC 9457 problem details, the one error shape of the API. Types are relative URIs under
 * {@code /problems/} (invalid-input, not-found, forbidden, unauthenticated, login-throttled...).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** One broken rule: the field, the rule, and a message in the user's language. */
    public record FieldProblem(String field, String rule, String message) {
    }

    public static ProblemDetail invalid(String detail, List<FieldProblem> errors, String instance) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Datos no válidos", detail, instance);
        problem.setProperty("errors", errors);
        return problem;
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
            HttpStatus status, String type, String title, String detail, Map<String, Object> extra)
            throws IOException {
        ProblemDetail problem = of(status, type, title, detail, request.getRequestURI());
        extra.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }
}
