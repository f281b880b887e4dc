package org.minga.notifications.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients;
import org.minga.identity.Recipients.Recipient;
import org.minga.platform.JobHandler;
import org.springframework.stereotype.Component;

/** Writes the day's digest of every enabled account, a page of accounts at a time. */
@Component
class DigestJob extends JobHandler.Of<DigestJob.Day> {

    static final String TYPE = "NOTIFICATIONS_DIGEST";
    private static final int PAGE = 200;

    record Day(LocalDate date) {
    }

    private final Recipients recipients;
    private final Digests digests;

    DigestJob(Recipients recipients, Digests digests) {
        super(TYPE, Day.class);
        this.recipients = recipients;
        this.digests = digests;
    }

    @Override
    public Object run(Day day, Progress progress) {
        long after = 0;
        int people = 0;
        int written = 0;
        List<Recipient> page;
        do {
            page = recipients.after(after, PAGE);
            for (Recipient person : page) {
                if (digests.write(person, day.date())) {
                    written++;
                }
            }
            people += page.size();
            after = page.isEmpty() ? after : page.getLast().id();
            progress.report(page.size() < PAGE ? 100 : 50, people + " personas revisadas");
        } while (page.size() == PAGE);
        return Map.of("people", people, "digests", written);
    }
}
