package org.minga.notifications.internal;

import java.util.Locale;

import org.minga.identity.Recipients;
import org.minga.identity.Recipients.Recipient;
import org.minga.notifications.Notices;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a message to a person's inbox, in their language, and decides whether an e-mail copy is
 * due: PENDING for the send job, or why not (mail off, no address, they declined). The unique key
 * makes a repeated write (a retry, a second node) a no-op.
 */
@Service
public class Outbox implements Notices {

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final Preferences preferences;
    private final MessageSource messages;
    private final Mailer mailer;

    Outbox(JdbcClient jdbc, Recipients recipients, Preferences preferences, MessageSource messages, Mailer mailer) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.preferences = preferences;
        this.messages = messages;
        this.mailer = mailer;
    }

    @Override
    @Transactional
    public void notify(long userId, String kind, String subject, String link, Long schemeId, String uniqueKey) {
        recipients.find(userId).ifPresent(person -> {
            Preferences.Preference preference = preferences.of(userId);
            Locale locale = Locale.forLanguageTag(preference.language());
            Object[] args = {subject};
            write(person, uniqueKey, kind, messages.getMessage("notice." + kind + ".subject", args, locale),
                    messages.getMessage("notice." + kind + ".body", args, locale), link, schemeId,
                    preference.immediate());
        });
    }

    /** Answers whether a message was written (false when one with this key already exists). */
    @Transactional
    public boolean write(Recipient person, String uniqueKey, String kind, String subject, String body, String link,
            Long schemeId, boolean wanted) {
        return jdbc.sql("""
                insert into notification_message (app_user, unique_key, kind, subject, body, link, scheme_id, mail_status)
                values (:user, :key, :kind, :subject, :body, :link, :scheme, :status)
                on conflict (unique_key) do nothing""")
                .param("user", person.id()).param("key", uniqueKey).param("kind", kind).param("subject", subject)
                .param("body", body).param("link", link).param("scheme", schemeId)
                .param("status", mailStatus(person, wanted)).update() == 1;
    }

    private String mailStatus(Recipient person, boolean wanted) {
        if (!mailer.on()) {
            return "OFF";
        }
        if (person.email() == null || person.email().isBlank()) {
            return "NO_ADDRESS";
        }
        return wanted ? "PENDING" : "DECLINED";
    }
}
