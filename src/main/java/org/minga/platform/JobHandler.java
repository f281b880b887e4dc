package org.minga.platform;

/** Does the work of one job type. Report progress through the context; return the result. */
public interface JobHandler<P> {

    String type();

    Class<P> payloadType();

    /** Runs the job; what it returns is stored as the job's JSON result. Throwing fails the job. */
    Object run(P payload, Progress progress) throws Exception;

    @FunctionalInterface
    interface Progress {
        /** Percent done (0–100) and what is happening, in the user's words. */
        void report(int percent, String message);
    }
}
