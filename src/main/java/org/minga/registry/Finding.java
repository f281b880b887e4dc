package org.minga.registry;

/** One rule a proposed or existing scheme breaks (ERROR) or should look at (WARNING). */
public record Finding(String rule, Severity severity, String message, String reference) {

    public enum Severity { ERROR, WARNING }
}
