package org.minga.notifications.internal;

import java.util.Map;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's choices: immediate e-mails and the daily digest on or off, and their language. */
@Service
public class Preferences {

    public record Preference(boolean immediate, boolean digest, String language) {

        static final Preference DEFAULT = new Preference(true, true, "es");

        Map<String, Object> state() {
            return Map.of("immediate", immediate, "digest", digest, "language", language);
        }
    }

    private static final String ENTITY = "notification_preference";
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Preferences(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Preference of(long userId) {
        return jdbc.sql("select immediate, digest, language from notification_preference where app_user = :user")
                .param("user", userId).query(Preference.class).optional().orElse(Preference.DEFAULT);
    }

    /** The language is Spanish or English; anything else is kept as Spanish, the platform's language. */
    @Transactional
    public void save(long userId, Preference wanted) {
        Preference before = of(userId);
        Preference after = new Preference(wanted.immediate(), wanted.digest(),
                "en".equals(wanted.language()) ? "en" : "es");
        jdbc.sql("""
                insert into notification_preference (app_user, immediate, digest, language)
                values (:user, :immediate, :digest, :language)
                on conflict (app_user) do update set immediate = excluded.immediate, digest = excluded.digest,
                    language = excluded.language""")
                .param("user", userId).param("immediate", after.immediate()).param("digest", after.digest())
                .param("language", after.language()).update();
        audit.record(Change.updated(ENTITY, userId, null, "Preferencias de notificación", before.state(),
                after.state()));
    }

    /** One-click unsubscribe: no more e-mails of either kind; the inbox still receives every message. */
    @Transactional
    public void unsubscribe(long userId) {
        Preference before = of(userId);
        save(userId, new Preference(false, false, before.language()));
    }
}
