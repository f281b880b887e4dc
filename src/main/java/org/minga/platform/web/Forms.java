package org.minga.platform.web;

import java.util.function.Supplier;

import org.minga.platform.InvalidInputException;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one form kit on the server side. A page form posts to its own handler, which is one line:
 *
 * <pre>
 * return Forms.submit(result, () -&gt; { rules.create(id, form.input()); return "redirect:/…#rules"; },
 *         () -&gt; Forms.fragmentOr("finance/rules :: form", () -&gt; show(id, model)));
 * </pre>
 *
 * A broken rule (from the binder or the service) is put beside its field and the error view is
 * rendered: only the form's fragment when htmx sent the request, the whole page otherwise (a page
 * works without JavaScript). A success redirect becomes {@code HX-Redirect} for htmx (see
 * {@code HtmxRedirects}). No controller catches {@link InvalidInputException} itself.
 */

public final class Forms {

    private Forms() {
    }

    /** Runs {@code action} unless the binder already found errors; on a broken rule, {@code onError}. */
    public static String submit(BindingResult result, Supplier<String> action, Supplier<String> onError) {
        if (result.hasErrors()) {
            return onError.get();
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            reject(result, e);
            return onError.get();
        }
    }

    /**
     * An action without a form (a button: generate, publish, close): on a broken rule its first
     * violation goes into the model as {@code errorAttribute} and {@code onError} renders.
     */
    public static String act(Model model, String errorAttribute, Supplier<String> action, Supplier<String> onError) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            model.addAttribute(errorAttribute, e.violations().getFirst());
            return onError.get();
        }
    }

    /** A saved form's answer: the page it leads to shows "Cambios guardados" (flash {@code saved}). */
    public static String saved(RedirectAttributes redirect, String target) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + target;
    }

    /** The fragment's view name when htmx asked for it, else the whole page {@code page} renders. */
    public static String fragmentOr(String fragment, Supplier<String> page) {
        return htmx() ? fragment : page.get();
    }

    /** Whether the current request was sent by htmx (it then swaps a fragment, not the page). */
    public static boolean htmx() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
                && "true".equals(s.getRequest().getHeader("HX-Request"));
    }

    /** Puts a service's rule violations beside the form fields they name (the rest above the form). */
    public static void reject(BindingResult result, InvalidInputException e) {
        for (var v : e.violations()) {
            try {
                result.rejectValue(v.field(), v.messageKey(), v.args(), v.rule());
            } catch (NotReadablePropertyException | IllegalArgumentException notOnThisForm) {
                result.reject(v.messageKey(), v.args(), v.rule());
            }
        }
    }
}
