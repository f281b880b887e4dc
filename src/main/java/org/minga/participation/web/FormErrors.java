package org.minga.participation.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.minga.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The participation pages have many small forms; each shows its refusals beside the fields they
 * name ({@code errors.title}) and keeps what the person typed ({@code form.title}).
 */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Puts the errors and the submitted values of one form (by its name) into the model. */
    void show(Model model, String formName, InvalidInputException e, Map<String, String> submitted) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (var v : e.violations()) {
            String field = v.field().replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
            String text = messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale);
            errors.merge(field, text, (a, b) -> a + " " + b);
        }
        model.addAttribute("errorForm", formName);
        model.addAttribute("errors", errors);
        model.addAttribute("form", submitted == null ? Map.of() : submitted);
    }
}
