package org.minga.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.minga.identity.VerificationSender;
import org.minga.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The six-digit codes that verify a citizen's account: sent through the {@link VerificationSender},
 * kept as a hash, valid for a day and for five tries; a new one at most once a minute.
 */
@Component
record CitizenVerifications(JdbcClient jdbc, VerificationSender sender) {

    static final Duration VALID = Duration.ofDays(1);
    static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code for the account, replacing any earlier one, delivered at once. */
    void issue(UserAccount user) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.sql("""
                insert into citizen_verification (app_user, code_hash, expires_at, attempts, sent_at)
                values (:u, :h, now() + cast(:valid as interval), 0, now())
                on conflict (app_user) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
                    attempts = 0, sent_at = now()""")
                .param("u", user.getId()).param("h", hash(code)).param("valid", VALID.toSeconds() + " seconds").update();
        sender.send(user.getUsername(), user.getEmail(), code);
    }

    /** A new code on request, unless one was sent less than a minute ago. */
    void resend(UserAccount user) {
        boolean recent = jdbc.sql("""
                select exists (select 1 from citizen_verification where app_user = :u
                               and sent_at > now() - cast(:wait as interval))""")
                .param("u", user.getId()).param("wait", RESEND_AFTER.toSeconds() + " seconds").query(Boolean.class).single();
        if (recent) {
            throw new InvalidInputException("code", "Wait", "citizen.verification.wait");
        }
        issue(user);
    }

    boolean isVerified(long userId) {
        return !jdbc.sql("select exists (select 1 from citizen_verification where app_user = :u)").param("u", userId)
                .query(Boolean.class).single();
    }

    /** Checks a code; the right one verifies the account for good. Each try counts, right or wrong. */
    void verify(long userId, String code) {
        var row = jdbc.sql("""
                update citizen_verification set attempts = attempts + 1 where app_user = :u
                returning code_hash, attempts, expires_at < now() as expired""").param("u", userId)
                .query(Attempt.class).optional();
        if (row.isEmpty()) {
            return;
        }
        if (row.get().attempts() > MAX_ATTEMPTS || row.get().expired()) {
            throw new InvalidInputException("code", "Expired", "citizen.verification.expired");
        }
        String given = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(hash(given).getBytes(StandardCharsets.US_ASCII),
                row.get().codeHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInputException("code", "Matches", "citizen.verification.wrong");
        }
        jdbc.sql("delete from citizen_verification where app_user = :u").param("u", userId).update();
    }

    /** A try at a code: the code's hash, the tries so far with this one, and whether the code has expired. */
    private record Attempt(String codeHash, int attempts, boolean expired) {
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
