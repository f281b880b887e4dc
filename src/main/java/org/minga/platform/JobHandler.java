package org.minga.platform;

/** Does the work of one job type. Report progress through the context; return the result. */
public interface JobHandler<P> {

    String type();

    Class<P> payloadType();

    /**
     * Runs the job; what it returns is stored as the job's JSON result. Throwing fails the job: a
     * {@link Refused} with the problems found, anything else with its message.
     */
    Object run(P payload, Progress progress) throws Exception;

    /**
     * Where a finished job's result is seen (the imported list, the liquidation), as a path inside
     * Minga; {@code result} is the stored JSON. Null when the job has no page of its own.
     */
    default String resultLink(P payload, tools.jackson.databind.JsonNode result) {
        return null;
    }

    /** The form a failed job came from, to try again there; null when there is none. */
    default String retryLink(P payload) {
        return null;
    }

    /** One thing wrong with the job's input, e.g. a file's row and column and why. */
    record Problem(int row, String column, String message) {
    }

    /**
     * The input could not be used and nothing was written: the message says so in plain words, the
     * problems are listed on the job's page.
     */
    class Refused extends RuntimeException {
        private final java.util.List<Problem> problems;

        public Refused(String message, java.util.List<Problem> problems) {
            super(message);
            this.problems = java.util.List.copyOf(problems);
        }

        public java.util.List<Problem> problems() {
            return problems;
        }
    }

    /**
     * A handler whose type and payload class are given once, in its constructor:
     * {@code super(TYPE, Request.class)}.
     */
    abstract class Of<P> implements JobHandler<P> {
        private final String type;
        private final Class<P> payloadType;

        protected Of(String type, Class<P> payloadType) {
            this.type = type;
            this.payloadType = payloadType;
        }

        @Override
        public final String type() {
            return type;
        }

        @Override
        public final Class<P> payloadType() {
            return payloadType;
        }
    }

    @FunctionalInterface
    interface Progress {
        /** Percent done (0–100) and what is happening, in the user's words. */
        void report(int percent, String message);
    }
}
