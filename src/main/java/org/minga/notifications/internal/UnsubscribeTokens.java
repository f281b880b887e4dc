package org.minga.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token of an unsubscribe link: the account id signed with HMAC-SHA256 under a key made once in
 * the database, so every node signs and checks alike and a link works without signing in.
 */
@Component
record UnsubscribeTokens(JdbcClient jdbc) {

    String tokenFor(long userId) {
        return userId + "." + signature(userId);
    }

    Optional<Long> userOf(String token) {
        if (token == null || !token.matches("\\d{1,18}\\.[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        long userId = Long.parseLong(token.substring(0, token.indexOf('.')));
        byte[] given = token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, signature(userId).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(userId) : Optional.empty();
    }

    private String signature(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] sig = mac.doFinal(("unsubscribe:" + userId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into notification_secret (id, secret) values (1, :secret) on conflict (id) do nothing")
                .param("secret", fresh).update();
        return jdbc.sql("select secret from notification_secret where id = 1").query(byte[].class).single();
    }
}
