package org.minga.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;

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

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return "error";
    }
}
