package org.minga.platform.internal.web.input;

import org.minga.platform.TextRule;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON value that broke a {@link TextRule}; Jackson adds the path of the field to it. */
final class RejectedValue extends MismatchedInputException {

    private final transient TextRule.Broken broken;

    RejectedValue(JsonParser parser, Class<?> type, TextRule.Broken broken) {
        super(parser, broken.rule() + ": " + broken.messageKey(), type);
        this.broken = broken;
    }

    TextRule.Broken broken() {
        return broken;
    }
}
