package org.minga.platform.internal.web;

import java.util.Locale;

import org.minga.platform.AccessRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * Why access was refused, in the reader's language. An {@link AccessRefusedException} names a
 * bundle key; a plain refusal's message is used when it is a key, or as written when the reader
 * reads Spanish (the language those messages are written in); otherwise the general sentence.
 */
final class Refusals {

    private Refusals() {
    }

    static String reason(MessageSource messages, AccessDeniedException e, Locale locale) {
        if (e instanceof AccessRefusedException refused) {
            return messages.getMessage(refused.messageKey(), refused.args(), locale);
        }
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            String keyed = messages.getMessage(message, null, null, locale);
            if (keyed != null) {
                return keyed;
            }
            if (locale.getLanguage().equals("es") && !message.equals("Access Denied")) {
                return message;
            }
        }
        return messages.getMessage("problem.forbidden.detail", null, locale);
    }
}
