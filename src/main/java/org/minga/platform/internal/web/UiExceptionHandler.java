package org.minga.platform.internal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.platform.internal.web.input.BadValues;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals and missing things on pages: the friendly error page, with the reason in the reader's language. */
@ControllerAdvice(annotations = Controller.class)
class UiExceptionHandler {

    private final MessageSource messages;

    UiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, Model model, HttpServletResponse response) {
        return page(model, response, 403, "error.forbidden", Refusals.reason(messages, e, LocaleContextHolder.getLocale()));
    }

    /** The net under the input rules: a value the database refused is the user's error, not ours. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    String badValue(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
        if (!BadValues.causedBy(e)) {
            throw e;
        }
        return page(model, response, 400, "error.badRequest", null);
    }

    /** A rule broken on a page whose controller has no form to show it beside: the error page says which. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        return page(model, response, 400, "error.badRequest", e.violations().stream()
                .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale))
                .reduce((a, b) -> a + " " + b).orElse(null));
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(model, response, 404, "error.notFound", null);
    }

    private static String page(Model model, HttpServletResponse response, int status, String messageKey, String reason) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", messageKey);
        if (reason != null) {
            model.addAttribute("reason", reason);
        }
        return "error";
    }
}
