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
 * The imports and other long work a person started in the last 7 days, each leading to its job's
 * page: the progress while it runs, the result when it succeeded, what to do when it failed.
 */
@Component
record MyJobsAttention(Jobs jobs, Zones zones, MessageSource messages) implements AttentionSource {

    static final Duration WINDOW = Duration.ofDays(7);
    /** Enough for a week of work; more are on the job pages the notices link to. */
    static final int LIMIT = 20;

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        return jobs.recentFor(person.username(), zones.now().minus(WINDOW), LIMIT).stream()
                .map(job -> new AttentionItem(kind(job.status()), 1, subject(job), "/jobs/" + job.id(), null))
                .toList();
    }

    private static String kind(Jobs.Status status) {
        return switch (status) {
            case QUEUED, RUNNING -> "jobs.mine.running";
            case SUCCEEDED -> "jobs.mine.succeeded";
            case FAILED -> "jobs.mine.failed";
        };
    }

    /** The kind of work in the reader's words, then where it is ("12 proyectos importados"), unless it failed. */
    private String subject(Jobs.Recent job) {
        String type = messages.getMessage("job.type." + job.type(), null, job.type(), LocaleContextHolder.getLocale());
        return job.status() != Jobs.Status.FAILED && job.message() != null ? type + ": " + job.message() : type;
    }
}
