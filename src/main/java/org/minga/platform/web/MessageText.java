package org.minga.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that holds a message key, not text. Pages resolve it with {@code #{...}};
 * in JSON the API writes the text in the request's language instead, so no response carries a
 * bare key. {@code args} names the component holding the message arguments; with {@code text}
 * the key stays as a stable machine code and the text goes to a property of that name beside it.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageText {

    /** The component with the arguments (a list or array), or none. */
    String args() default "";

    /** Where the text goes; empty: in place of the key. */
    String text() default "";
}
