package org.minga.platform.internal.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.minga.platform.web.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error no handler took: problem+json for the API (in the language of Accept-Language), a
 * friendly page for people.
 * Never a stack trace.
 */
@Audience(Reader.PUBLIC)
@Controller
record ErrorPageController(MessageSource messages) implements ErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        model.addAttribute("status", status.value());
        model.addAttribute("reason", request.getAttribute(org.minga.platform.internal.web.input.ParameterRules.REASON));
        model.addAttribute("messageKey", switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN -> "error.forbidden";
            case UNAUTHORIZED -> "error.unauthorized";
            case BAD_REQUEST, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE -> "error.badRequest";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "error.tooLarge";
            default -> "error.unexpected";
        });
        return "error";
    }

    @RequestMapping({"${server.error.path:/error}", "/error/problem"})
    ResponseEntity<Map<String, Object>> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var problem = Problems.ofStatus(messages, Problems.locale(request), status, uri == null ? null : uri.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
