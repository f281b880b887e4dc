package org.minga.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.minga.identity.Recipients;
import org.minga.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts and their grants in two queries per page (accounts, then the page's grants), never one per person. */
@Component
record RecipientDirectory(JdbcClient jdbc) implements Recipients {

    private record Account(long id, String username, String fullName, String email) {
    }

    private record Row(long appUser, String role, Long schemeId, String unitCode) {
    }

    @Override
    public List<Recipient> after(long afterId, int size) {
        return withGrants(jdbc.sql("""
                select id, username, full_name, email from app_user where enabled and id > :after order by id limit :size""")
                .param("after", afterId).param("size", size).query(Account.class).list());
    }

    @Override
    public Optional<Recipient> find(long id) {
        return withGrants(jdbc.sql("select id, username, full_name, email from app_user where enabled and id = :id")
                .param("id", id).query(Account.class).list()).stream().findFirst();
    }

    @Override
    public Optional<Recipient> byUsername(String username) {
        return withGrants(jdbc.sql("""
                select id, username, full_name, email from app_user where enabled and lower(username) = lower(:name)""")
                .param("name", username).query(Account.class).list()).stream().findFirst();
    }

    private List<Recipient> withGrants(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Grant>> grants = jdbc.sql("""
                select app_user, role, scheme_id, unit_code from user_grant where app_user in (:ids)""")
                .param("ids", accounts.stream().map(Account::id).toList()).query(Row.class).list().stream()
                .collect(Collectors.groupingBy(Row::appUser, Collectors.mapping(
                        r -> new Grant(Role.valueOf(r.role()), r.schemeId(), r.unitCode()), Collectors.toList())));
        return accounts.stream().map(a -> new Recipient(a.id(), a.username(), a.fullName(), a.email(),
                grants.getOrDefault(a.id(), List.of()))).toList();
    }
}
