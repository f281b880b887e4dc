package org.minga.platform;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal whose reason is a bundle key, so the API and the error page say it in the reader's
 * language: {@code throw new AccessRefusedException("access.scheme.write", schemeId)}. It is an
 * {@link AccessDeniedException}, so security treats it like any other refusal (403).
 */
public class AccessRefusedException extends AccessDeniedException {

    private final String messageKey;
    private final transient Object[] args;

    public AccessRefusedException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
