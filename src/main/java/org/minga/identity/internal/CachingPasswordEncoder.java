package org.minga.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.minga.platform.RecentlyUsed;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2 costs tens of milliseconds on purpose; the stateless API checks the password on every
 * request. So a successful match is remembered, keyed by a SHA-256 of the password together with
 * the stored hash: a changed password has a new hash and never matches an old entry, and the
 * cache holds no password. Failures are never cached, so guessing still pays Argon2 every time.
 */
class CachingPasswordEncoder implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;
    private final PasswordEncoder delegate;
    private final Map<String, Boolean> matched = RecentlyUsed.map(MAX_ENTRIES);

    CachingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = digest(rawPassword + "\u0000" + encodedPassword);
        if (matched.containsKey(key)) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            matched.put(key, Boolean.TRUE);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
