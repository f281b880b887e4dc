package org.minga.platform;

/** The thing asked for does not exist (or the user may not know it exists): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id);
    }
}
