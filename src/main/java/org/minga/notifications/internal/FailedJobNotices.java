package org.minga.notifications.internal;

import org.minga.identity.Recipients;
import org.minga.notifications.Notices;
import org.minga.platform.Jobs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A failed job (an import, a liquidation) is told at once to the person who started it; system jobs have no one to tell. */
@Component
record FailedJobNotices(Recipients recipients, Notices notices) {

    @EventListener
    void on(Jobs.Failed failed) {
        recipients.byUsername(failed.createdBy()).ifPresent(person -> notices.notify(person.id(), "jobs.failed",
                failed.type(), "/jobs/" + failed.id(), null, "job-failed:" + failed.id()));
    }
}
