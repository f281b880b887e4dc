package org.minga.identity.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists of users for admin pages: one query per page, grants aggregated, no N+1. */
@Component
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UserSummary(long id, String username, String fullName, String email, boolean enabled,
            List<String> grants) {
    }

    /** A page of users by name; with {@code schemes}, only users holding a grant in one of them. */
    public List<UserSummary> page(List<Long> schemes, String search, int page, int size) {
        String like = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
        return jdbc.sql("""
                select u.id, u.username, u.full_name, u.email, u.enabled,
                       (select coalesce(string_agg(g.role || coalesce(' · ' || s.name, '') || coalesce(' · ' || g.unit_code, ''),
                                                   '|' order by g.role, s.name), '')
                        from user_grant g left join scheme s on s.id = g.scheme_id where g.app_user = u.id) as grants
                from app_user u
                where (cast(:like as text) is null or lower(u.username) like :like or lower(u.full_name) like :like)
                  and (:allSchemes or exists (select 1 from user_grant g where g.app_user = u.id
                                              and g.scheme_id in (:schemes)))
                order by lower(u.username)
                limit :limit offset :offset
                """)
                .param("like", like)
                .param("allSchemes", schemes == null)
                .param("schemes", schemes == null || schemes.isEmpty() ? List.of(-1L) : schemes)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new UserSummary(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                        rs.getString("email"), rs.getBoolean("enabled"),
                        rs.getString("grants").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("grants").split("\\|"))))
                .list();
    }
}
