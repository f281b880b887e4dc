package org.minga.identity.internal;

import org.minga.identity.SchemePeople;
import org.springframework.stereotype.Component;

@Component
record SchemePeopleDirectory(UserAccountRepository users) implements SchemePeople {

    @Override
    public boolean holdsRoleIn(String username, long schemeId) {
        return username != null && users.findByUsername(username.strip()).filter(UserAccount::isEnabled)
                .map(u -> u.getGrants().stream().anyMatch(g -> g.schemeId() != null && g.schemeId() == schemeId))
                .orElse(false);
    }
}
