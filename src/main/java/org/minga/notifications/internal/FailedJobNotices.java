package org.minga.notifications.internal;

import java.util.Locale;

import org.minga.identity.Recipients;
import org.minga.notifications.Notices;
import org.minga.platform.Jobs;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A failed job (an import, a liquidation) is told at once to the person who started it, named in their
 * language ("Importación de territorio", not its type code); system jobs have no one to tell.
 */
@Component
record FailedJobNotices(Recipients recipients, Notices notices, Preferences preferences, MessageSource messages) {

    @EventListener
    void on(Jobs.Failed failed) {
        recipients.byUsername(failed.createdBy()).ifPresent(person -> {
            Locale locale = Locale.forLanguageTag(preferences.of(person.id()).language());
            String name = messages.getMessage("job.type." + failed.type(), null, failed.type(), locale);
            notices.notify(person.id(), "jobs.failed", name, "/jobs/" + failed.id(), null, "job-failed:" + failed.id());
        });
    }
}
