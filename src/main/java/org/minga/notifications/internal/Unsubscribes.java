package org.minga.notifications.internal;

import org.springframework.stereotype.Component;

/** Unsubscribing by a signed link: the token names the account, the signature proves Minga made it. */
@Component
public record Unsubscribes(UnsubscribeTokens tokens, Preferences preferences) {

    public boolean valid(String token) {
        return tokens.userOf(token).isPresent();
    }

    /** Turns both kinds of e-mail off; answers false (and changes nothing) for a bad token. */
    public boolean unsubscribe(String token) {
        return tokens.userOf(token).map(user -> {
            preferences.unsubscribe(user);
            return true;
        }).orElse(false);
    }
}
