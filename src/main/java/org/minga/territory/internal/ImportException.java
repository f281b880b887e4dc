package org.minga.territory.internal;

/** A file that cannot be imported, with the reason in words a person can act on. Nothing is written. */
class ImportException extends RuntimeException {

    ImportException(String message) {
        super(message);
    }

    ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
