package org.minga.platform.internal.web.input;

import org.minga.platform.TextRule;
import org.minga.platform.internal.web.ProblemResponses;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * The {@link TextRule}s for every request parameter: query strings, page forms and the text
 * fields of multipart forms. It runs after security (an anonymous request still gets its 401)
 * and before any controller, so a NUL byte, an over-long text or year 0 never reaches a service
 * or the database. The API answers 400 problem+json naming the parameter; a page shows the error
 * page with the same sentence.
 */
@Component
@Order(0)
public class ParameterRules extends OncePerRequestFilter {

    /** Read by the error page to say what was wrong. */
    public static final String REASON = ParameterRules.class.getName() + ".reason";
    private static final java.util.Set<String> SKIPPED = java.util.Set.of("_csrf", "password", "currentPassword",
            "newPassword", "confirmPassword");

    private final ProblemResponses problems;

    ParameterRules(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            TextRule.Broken broken = TextRule.check(null, name, TextRule.LINE_MAX);
            for (int i = 0; broken == null && i < parameter.getValue().length; i++) {
                String value = parameter.getValue()[i];
                broken = SKIPPED.contains(name) ? null : TextRule.check(name, value, 0);
                broken = broken != null ? broken : TextRule.checkDateLike(value);
            }
            if (broken != null) {
                refuse(request, response, TextRule.check(null, name, 100) == null ? name : "?", broken);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field,
            TextRule.Broken broken) throws IOException {
        String message = problems.text(request, broken.messageKey(), broken.args());
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-input", field + ": " + message,
                    Map.of("errors", List.of(new Problems.FieldProblem(field, broken.rule(), message))));
        } else {
            request.setAttribute(REASON, field + ": " + message);
            response.sendError(HttpStatus.BAD_REQUEST.value(), field + ": " + message);
        }
    }
}
