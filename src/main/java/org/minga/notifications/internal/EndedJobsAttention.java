package org.minga.notifications.internal;

import java.time.Duration;
import java.util.List;

import org.minga.identity.Recipients.Recipient;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Jobs;
import org.minga.platform.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The imports and other long work a person started in the last 7 days that have ended, each leading
 * to its job's page: the result when it succeeded, what to do when it failed.
 */
@Component
record EndedJobsAttention(Jobs jobs, Zones zones, MessageSource messages) implements AttentionSource {

    static final Duration WINDOW = Duration.ofDays(7);
    /** Enough for a week of work; more are on the job pages the notices link to. */
    static final int LIMIT = 20;

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        return jobs.endedFor(person.username(), zones.now().minus(WINDOW), LIMIT).stream()
                .map(job -> new AttentionItem(job.status() == Jobs.Status.SUCCEEDED ? "jobs.mine.succeeded"
                        : "jobs.mine.failed", 1, subject(job), "/jobs/" + job.id(), null))
                .toList();
    }

    /** The kind of work in the reader's words, and for a success its summary ("12 proyectos importados"). */
    private String subject(Jobs.Ended job) {
        String type = messages.getMessage("job.type." + job.type(), null, job.type(), LocaleContextHolder.getLocale());
        return job.status() == Jobs.Status.SUCCEEDED && job.message() != null ? type + ": " + job.message() : type;
    }
}
