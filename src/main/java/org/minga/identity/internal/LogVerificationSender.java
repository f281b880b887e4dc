package org.minga.identity.internal;

import java.util.Map;
import java.util.Optional;

import org.minga.identity.VerificationSender;
import org.minga.platform.RecentlyUsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification sender when no mail is configured: writes the code to the log, and keeps the
 * latest code of the last thousand user names so that tests (and an operator's tooling) can read
 * what was delivered.
 */
public class LogVerificationSender implements VerificationSender {

    private static final Logger log = LoggerFactory.getLogger(LogVerificationSender.class);
    private static final int KEPT = 1000;
    private final Map<String, String> delivered = RecentlyUsed.map(KEPT);

    @Override
    public void send(String username, String email, String code) {
        delivered.put(username, code);
        log.info("Código de verificación de Minga para {} ({}): {} (sin correo configurado, entréguelo a la persona)",
                username, email == null ? "sin correo" : email, code);
    }

    /** The last code delivered to a user name. */
    public Optional<String> lastCodeFor(String username) {
        return Optional.ofNullable(delivered.get(username));
    }
}
