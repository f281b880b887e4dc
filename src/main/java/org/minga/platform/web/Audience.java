package org.minga.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call this handler: every web handler of every module declares it, on the class (the
 * default) or on the method (which wins). The identity module enforces it before the handler runs;
 * a test fails when a handler has none. It lives here, not in identity, because the platform's own
 * controllers (jobs, audit, home, errors) declare it too and platform may not depend on identity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audience {

    Reader value();

    /**
     * The path names a record, not its scheme (for example {@code /projects/{id}}): the service loads
     * the record, resolves its scheme and checks the reader there (404 when it may not be seen). The
     * web layer then only refuses those who can never be such a reader (a bare citizen).
     */
    boolean byRecord() default false;
}
