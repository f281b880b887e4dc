package org.minga.notifications.internal;

import java.util.List;

import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.minga.platform.Jobs;
import org.minga.platform.Zones;
import org.springframework.stereotype.Component;

/** Platform administrators: the jobs that failed in the last day, by type. */
@Component
record FailedJobsAttention(Jobs jobs, Zones zones) implements AttentionSource {

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        if (!person.holds(Role.PLATFORM_ADMIN)) {
            return List.of();
        }
        Jobs.Failures failures = jobs.failedSince(zones.now().minus(java.time.Duration.ofDays(1)));
        return failures.latest() == null ? List.of() : List.of(new AttentionItem("jobs.failed", failures.count(),
                String.join(", ", failures.types()), "/jobs/" + failures.latest(), null));
    }
}
