package org.minga.notifications.internal;

import java.util.List;

import org.minga.identity.Recipients.Recipient;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.springframework.stereotype.Component;

/** Everything that needs one person's attention, asked of every module's source at this moment. */
@Component
public record Attention(List<AttentionSource> sources) {

    public List<AttentionItem> itemsFor(Recipient person) {
        return sources.stream().flatMap(s -> s.itemsFor(person).stream()).filter(i -> i.count() > 0).toList();
    }
}
