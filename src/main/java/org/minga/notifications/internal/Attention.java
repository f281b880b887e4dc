package org.minga.notifications.internal;

import java.util.List;

import org.minga.identity.Recipients.Recipient;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.AttentionSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Everything that needs one person's attention, asked of every module's source at this moment. The
 * sources are looked up when asked, not injected: some use {@code Jobs}, whose handlers (the digest
 * among them) lead back here.
 */
@Component
public record Attention(ObjectProvider<AttentionSource> sources) {

    public List<AttentionItem> itemsFor(Recipient person) {
        return sources.orderedStream().flatMap(s -> s.itemsFor(person).stream()).filter(i -> i.count() > 0).toList();
    }
}
