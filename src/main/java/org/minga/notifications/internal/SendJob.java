package org.minga.notifications.internal;

import java.util.List;
import java.util.Map;

import org.minga.platform.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails that are due. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * marked sent in the same transaction, so two nodes running this job never send one message twice;
 * a failed send is tried again by the next run, and marked FAILED after three attempts.
 */
@Component
class SendJob extends JobHandler.Of<SendJob.Batch> {

    static final String TYPE = "NOTIFICATIONS_SEND";
    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 20;

    record Batch() {
    }

    private record Due(long id, String subject, String body, String link, long appUser, String email) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Mailer mailer;
    private final UnsubscribeTokens tokens;

    SendJob(JdbcClient jdbc, TransactionTemplate transactions, Mailer mailer, UnsubscribeTokens tokens) {
        super(TYPE, Batch.class);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mailer = mailer;
        this.tokens = tokens;
    }

    @Override
    public Object run(Batch batch, Progress progress) {
        if (!mailer.on()) {
            return Map.of("sent", 0, "mail", "off");
        }
        long after = 0;
        int sent = 0;
        while (true) {
            long from = after;
            long[] outcome = transactions.execute(tx -> sendBatch(from));
            sent += (int) outcome[0];
            if (outcome[1] < 0) {
                break;
            }
            after = outcome[1];
            progress.report(50, sent + " correos enviados");
        }
        return Map.of("sent", sent);
    }

    /** Sends one claimed batch; answers {sent, last id claimed or -1 when nothing was due}. */
    private long[] sendBatch(long after) {
        List<Due> due = jdbc.sql("""
                select m.id, m.subject, m.body, m.link, m.app_user, u.email from notification_message m
                join app_user u on u.id = m.app_user
                where m.mail_status = 'PENDING' and m.id > :after order by m.id limit :batch
                for update of m skip locked""").param("after", after).param("batch", BATCH).query(Due.class).list();
        if (due.isEmpty()) {
            return new long[] {0, -1};
        }
        int sent = 0;
        for (Due message : due) {
            String unsubscribe = mailer.siteUrl() + "/public/notifications/unsubscribe?token="
                    + tokens.tokenFor(message.appUser());
            try {
                mailer.send(message.email(), message.subject(), message.body() + "\n\n" + mailer.siteUrl()
                        + message.link() + "\n\n" + unsubscribe, unsubscribe);
                jdbc.sql("""
                        update notification_message set mail_status = 'SENT', sent_at = now(),
                            mail_attempts = mail_attempts + 1, mail_error = null where id = :id""")
                        .param("id", message.id()).update();
                sent++;
            } catch (Exception e) {
                jdbc.sql("""
                        update notification_message set mail_attempts = mail_attempts + 1, mail_error = :error,
                            mail_status = case when mail_attempts + 1 >= :max then 'FAILED' else 'PENDING' end
                        where id = :id""")
                        .param("error", String.valueOf(e.getMessage())).param("max", MAX_ATTEMPTS)
                        .param("id", message.id()).update();
            }
        }
        return new long[] {sent, due.getLast().id()};
    }
}
