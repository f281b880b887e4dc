package org.minga.platform.web;

import org.minga.platform.InvalidInputException;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** Puts a service's rule violations beside the form fields they name. */
public final class Forms {

    private Forms() {
    }

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
