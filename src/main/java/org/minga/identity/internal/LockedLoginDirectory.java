package org.minga.identity.internal;

import java.util.List;

import org.minga.identity.LockedLogins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the throttle's pair keys ({@code pair:<user name>|<address>}, see {@link LoginThrottle}) locked
 * now and joins them to accounts: a guessed name without an account is nobody's lock to lift. The
 * table holds only recent attempts (a success or a quiet day clears a key), so it stays small.
 */
@Component
record LockedLoginDirectory(JdbcClient jdbc) implements LockedLogins {

    @Override
    public List<Locked> now(int limit) {
        return jdbc.sql("""
                select u.id as user_id, u.username, max(t.locked_until) as until
                from login_throttle t join app_user u on lower(u.username) = split_part(substr(t.key, 6), '|', 1)
                where t.key like 'pair:%' and t.locked_until > now()
                group by u.id, u.username order by until desc, u.id limit :limit""").param("limit", limit)
                .query((rs, n) -> new Locked(rs.getLong("user_id"), rs.getString("username"),
                        rs.getTimestamp("until").toInstant())).list();
    }
}
