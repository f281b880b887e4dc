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

    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    record JobView(UUID id, String type, Status status, int progress, String message, Object result, String error,
            String createdBy, Long schemeId, Instant createdAt, Instant startedAt, Instant finishedAt) {

        public boolean finished() {
            return status == Status.SUCCEEDED || status == Status.FAILED;
        }
    }
}
