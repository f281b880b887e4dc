package org.minga.notifications.internal;

import java.time.Duration;

import org.minga.platform.Jobs;
import org.minga.platform.ScheduledOnce;
import org.minga.platform.Zones;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node schedules the same work and a lease lets one node per period queue the job: sending
 * what is due every minute (only when mail is on) and the digest once a day at 6:00.
 */
@Component
record Schedule(ScheduledOnce once, Jobs jobs, Mailer mailer, Zones zones) {

    @Scheduled(initialDelayString = "${minga.notifications.send-interval:60s}",
            fixedDelayString = "${minga.notifications.send-interval:60s}")
    void sendDue() {
        if (mailer.on()) {
            once.runOnce("notifications.send", Duration.ofSeconds(30),
                    () -> jobs.submit(SendJob.TYPE, new SendJob.Batch(), null));
        }
    }

    @Scheduled(cron = "0 0 6 * * *", zone = "${minga.time-zone:America/Bogota}")
    void digest() {
        once.runOnce("notifications.digest", Duration.ofHours(20),
                () -> jobs.submit(DigestJob.TYPE, new DigestJob.Day(zones.today()), null));
    }
}
