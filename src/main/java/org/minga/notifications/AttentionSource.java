package org.minga.notifications;

import java.util.List;

import org.minga.identity.Recipients.Recipient;

/**
 * A module's contribution to what needs attention, computed from its data each time it is asked
 * (never a stored copy). It answers only what the person's grants let them see: a scheme's items to
 * that scheme's people, a unit's to its official, a citizen's own records to the citizen.
 */
public interface AttentionSource {

    List<AttentionItem> itemsFor(Recipient person);
}
