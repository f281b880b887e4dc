package org.minga.identity.internal;

import java.util.List;

import org.minga.identity.Role;
import org.minga.identity.SchemePeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
record SchemePeopleDirectory(UserAccountRepository users, JdbcClient jdbc) implements SchemePeople {

    @Override
    public boolean holdsRoleIn(String username, long schemeId) {
        return username != null && users.findByUsername(username.strip()).filter(UserAccount::isEnabled)
                .map(u -> u.getGrants().stream().anyMatch(g -> g.schemeId() != null && g.schemeId() == schemeId))
                .orElse(false);
    }

    @Override
    public List<Person> staff(long schemeId) {
        // On user_grant_scheme_idx; distinct since a director may also hold the staff role.
        return jdbc.sql("""
                select distinct u.id, u.full_name, u.username from app_user u join user_grant g on g.app_user = u.id
                where u.enabled and g.scheme_id = :scheme and g.role in (:roles)
                order by u.full_name, u.username""").param("scheme", schemeId)
                .param("roles", List.of(Role.SCHEME_ADMIN.name(), Role.SCHEME_STAFF.name())).query(Person.class).list();
    }
}
