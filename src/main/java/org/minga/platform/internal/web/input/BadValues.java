package org.minga.platform.internal.web.input;

import org.minga.platform.TextRule;
import java.sql.SQLException;

/**
 * A value the database refused for its content (SQL state class 22: a number past its column, a
 * text too long, an invalid byte, a date out of range). The rules above should stop these first;
 * this is the net under them, so such input answers 400, never 500.
 */
public final class BadValues {

    private BadValues() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
