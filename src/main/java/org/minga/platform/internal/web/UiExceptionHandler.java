package org.minga.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.platform.internal.web.input.BadValues;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals and missing things on pages: the friendly error page, with the reason in Spanish. */
@ControllerAdvice(annotations = Controller.class)
class UiExceptionHandler {

    private final org.springframework.context.MessageSource messages;

    UiExceptionHandler(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("messageKey", "error.forbidden");
        model.addAttribute("reason", e.getMessage());
        return "error";
    }

    /** The net under the input rules: a value the database refused is the user's error, not ours. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    String badValue(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
        if (!BadValues.causedBy(e)) {
            throw e;
        }
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.badRequest");
        return "error";
    }

    /** A rule broken on a page whose controller has no form to show it beside: the error page says which. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.badRequest");
        model.addAttribute("reason", e.violations().stream().map(v -> messages.getMessage(v.messageKey(), v.args(),
                v.messageKey(), org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                .reduce((a, b) -> a + " " + b).orElse(null));
        return "error";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return "error";
    }
}
