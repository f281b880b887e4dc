package org.minga.platform;

/** Does the work of one job type. Report progress through the context; return the result. */
public interface JobHandler<P> {

    String type();

    Class<P> payloadType();

    /** Runs the job; what it returns is stored as the job's JSON result. Throwing fails the job. */
    Object run(P payload, Progress progress) throws Exception;

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
