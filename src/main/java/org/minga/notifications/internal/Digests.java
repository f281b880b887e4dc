package org.minga.notifications.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.minga.identity.Recipients.Recipient;
import org.minga.notifications.AttentionItem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A person's daily digest: their attention items, each a line with its link, in their language. A
 * person with nothing to attend to gets no message. Keyed by person and day, so a day's digest is
 * written once.
 */
@Component
record Digests(Attention attention, Preferences preferences, Outbox outbox, MessageSource messages, Mailer mailer) {

    static final String KIND = "digest";

    boolean write(Recipient person, LocalDate day) {
        List<AttentionItem> items = attention.itemsFor(person);
        if (items.isEmpty()) {
            return false;
        }
        Preferences.Preference preference = preferences.of(person.id());
        Locale locale = Locale.forLanguageTag(preference.language());
        StringBuilder body = new StringBuilder(messages.getMessage("notice.digest.intro",
                new Object[] {person.fullName()}, locale)).append("\n\n");
        for (AttentionItem item : items) {
            body.append("- ").append(messages.getMessage("attention." + item.kind(),
                    new Object[] {item.count(), item.subject()}, locale))
                    .append("\n  ").append(mailer.siteUrl()).append(item.link()).append('\n');
        }
        String subject = messages.getMessage("notice.digest.subject", new Object[] {items.size()}, locale);
        return outbox.write(person, KIND + ":" + person.id() + ":" + day, KIND, subject, body.toString(), "/inbox",
                null, preference.digest());
    }
}
