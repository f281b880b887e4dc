package org.minga.notifications.internal;

import java.util.List;

import org.minga.identity.LockedLogins;
import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.springframework.stereotype.Component;

/**
 * Platform administrators: each account whose sign-in is locked now, linked to its page where it is
 * unlocked. Here, not in identity, because identity may not depend on notifications (notifications
 * reads identity's recipients).
 */
@Component
record LockedLoginsAttention(LockedLogins locked) implements AttentionSource {

    /** More than this many locked accounts is an attack to look at in the audit, not a list to read. */
    static final int SHOWN = 20;

    @Override
    public List<AttentionItem> itemsFor(Recipient person) {
        if (!person.holds(Role.PLATFORM_ADMIN)) {
            return List.of();
        }
        return locked.now(SHOWN).stream()
                .map(l -> new AttentionItem("identity.locked", 1, l.username(), "/admin/users/" + l.userId(), null))
                .toList();
    }
}
