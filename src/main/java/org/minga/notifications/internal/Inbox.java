package org.minga.notifications.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's own messages, newest first by keyset pages; every query names the person. */
@Component
public record Inbox(JdbcClient jdbc) {

    public static final int PAGE = 20;

    public record Message(long id, String kind, String subject, String body, String link, Instant createdAt,
            Instant readAt, String mailStatus) {

        public boolean unread() {
            return readAt == null;
        }
    }

    /** Up to {@link #PAGE} messages older than {@code before} (all when null), plus one to tell whether more exist. */
    public List<Message> page(long userId, Long before) {
        return jdbc.sql("""
                select id, kind, subject, body, link, created_at, read_at, mail_status from notification_message
                where app_user = :user and id < :before order by id desc limit :size""")
                .param("user", userId).param("before", before == null ? Long.MAX_VALUE : before)
                .param("size", PAGE + 1).query(Message.class).list();
    }

    public long unread(long userId) {
        return jdbc.sql("select count(*) from notification_message where app_user = :user and read_at is null")
                .param("user", userId).query(Long.class).single();
    }

    /** Marks one of the person's own messages read and answers its link; another's message is not found. */
    public java.util.Optional<String> open(long userId, long id) {
        return jdbc.sql("""
                update notification_message set read_at = coalesce(read_at, now())
                where id = :id and app_user = :user returning link""")
                .param("id", id).param("user", userId).query(String.class).optional();
    }
}
