package org.minga.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write of money or votes that honours an {@code Idempotency-Key} header: the same key from the
 * same user on the same endpoint within 24 hours replays the first response (status, body,
 * location) and writes nothing again; the same key with a different request is refused with 422.
 * Requests without the header are served as usual.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    String HEADER = "Idempotency-Key";
}
