package org.minga.platform.internal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Problems written by the filters that run before any controller (body limits, idempotency keys,
 * parameter rules), titled from the bundle in the request's language: {@code Accept-Language} for
 * the API, the page's language otherwise.
 */
@Component
public record ProblemResponses(tools.jackson.databind.ObjectMapper json, MessageSource messages,
        LocaleResolver locales) {

    /** A message of the bundle in the request's language. */
    public String text(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, locales.resolveLocale(request));
    }

    /** The problem {@code code} with its bundle title and the given detail. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String detail, Map<String, Object> extra) throws IOException {
        Problems.write(request, response, json, status, code,
                Problems.title(messages, locales.resolveLocale(request), code), detail, extra);
    }
}
