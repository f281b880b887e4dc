package org.minga.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Long work run in the background with visible progress. Jobs are rows in the database, claimed
 * by any node; a {@link JobHandler} bean does the work of each type.
 */
public interface Jobs {

    /** Queues a job of a type some {@link JobHandler} handles; the payload is stored as JSON. */
    UUID submit(String type, Object payload, Long schemeId);

    Optional<JobView> find(UUID id);

    /** How many jobs failed since {@code since}, their types and the latest: what a platform administrator must look at. */
    Failures failedSince(Instant since);

    /**
     * The jobs a person started since {@code since}, running or ended, newest first (at most
     * {@code limit}): what their desk tells them.
     */
    java.util.List<Recent> recentFor(String username, Instant since, int limit);

    record Recent(UUID id, String type, Status status, int progress, String message) {
    }

    /** Published once when a job fails, on the node that ran it: whoever started it is told. */
    record Failed(UUID id, String type, String createdBy) {
    }

    record Failures(long count, java.util.List<String> types, UUID latest) {
    }

    /**
     * Waits for a job that the caller itself must see finished (work the platform does on its own,
     * such as the demo); a request never waits: it shows the job's page.
     *
     * @throws IllegalStateException if the job failed or did not end within {@code patience}
     */
    default JobView awaitSuccess(UUID id, java.time.Duration patience) {
        java.time.Instant deadline = java.time.Instant.now().plus(patience);
        while (java.time.Instant.now().isBefore(deadline)) {
            JobView view = find(id).orElseThrow();
            if (view.finished()) {
                if (view.status() != Status.SUCCEEDED) {
                    throw new IllegalStateException("El trabajo " + view.type() + " falló: " + view.error());
                }
                return view;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("El trabajo " + id + " no terminó en " + patience.toSeconds() + " s");
    }

    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    record JobView(UUID id, String type, Status status, int progress, String message, Object result, String error,
            String createdBy, Long schemeId, Instant createdAt, Instant startedAt, Instant finishedAt) {

        public boolean finished() {
            return status == Status.SUCCEEDED || status == Status.FAILED;
        }
    }
}
