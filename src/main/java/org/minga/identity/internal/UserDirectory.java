package org.minga.identity.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.minga.identity.Role;
import org.minga.identity.SchemeDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists of users for admin pages: one query per page with grants aggregated, one for scheme names. */
@Component
public record UserDirectory(JdbcClient jdbc, SchemeDirectory schemes) {

    public record UserSummary(long id, String username, String fullName, String email, boolean enabled,
            List<String> grants) {
    }

    /**
     * A page of users by name; with {@code schemes}, only users holding a grant in one of them or
     * created by {@code createdBy} (what a scheme administrator may see).
     */
    public List<UserSummary> page(List<Long> schemes, Long createdBy, String search, int page, int size) {
        String like = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
        List<Row> rows = jdbc.sql("""
                select u.id, u.username, u.full_name, u.email, u.enabled,
                       (select coalesce(string_agg(g.role || ';' || coalesce(g.scheme_id::text, '') || ';'
                                                   || coalesce(g.unit_code, ''), '|' order by g.role, g.scheme_id), '')
                        from user_grant g where g.app_user = u.id) as grants
                from app_user u
                where (cast(:like as text) is null or lower(u.username) like :like or lower(u.full_name) like :like)
                  and (:allSchemes or u.created_by = :createdBy
                       or exists (select 1 from user_grant g where g.app_user = u.id and g.scheme_id in (:schemes)))
                order by lower(u.username)
                limit :limit offset :offset
                """)
                .param("like", like)
                .param("allSchemes", schemes == null)
                .param("createdBy", createdBy == null ? -1L : createdBy)
                .param("schemes", schemes == null || schemes.isEmpty() ? List.of(-1L) : schemes)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                        rs.getString("email"), rs.getBoolean("enabled"), parse(rs.getString("grants"))))
                .list();
        Set<Long> schemeIds = rows.stream().flatMap(r -> r.grants().stream()).map(Grant::schemeId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = this.schemes.names(schemeIds);
        return rows.stream().map(r -> new UserSummary(r.id(), r.username(), r.fullName(), r.email(), r.enabled(),
                r.grants().stream().map(g -> describe(g, names)).toList())).toList();
    }

    private record Row(long id, String username, String fullName, String email, boolean enabled, List<Grant> grants) {
    }

    private static List<Grant> parse(String grants) {
        if (grants.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(grants.split("\\|")).map(g -> g.split(";", -1))
                .map(p -> new Grant(Role.valueOf(p[0]), p[1].isEmpty() ? null : Long.valueOf(p[1]),
                        p[2].isEmpty() ? null : p[2]))
                .toList();
    }

    private static String describe(Grant g, Map<Long, String> schemeNames) {
        return g.role() + (g.schemeId() == null ? "" : " · " + schemeNames.getOrDefault(g.schemeId(), "#" + g.schemeId()))
                + (g.unitCode() == null ? "" : " · " + g.unitCode());
    }
}
