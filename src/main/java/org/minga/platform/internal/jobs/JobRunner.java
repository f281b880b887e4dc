package org.minga.platform.internal.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.minga.platform.JobHandler;
import org.minga.platform.internal.cluster.Leases;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Claims queued jobs with FOR UPDATE SKIP LOCKED, so any number of nodes can share the queue, and
 * runs them on virtual threads. This node beats a heartbeat for each job it runs, whether or not the
 * job reports progress; a job whose node died (no heartbeat for {@link #STALE}) is queued again.
 * Every update names the attempt it belongs to, so a run that was given up on cannot overwrite the
 * next one.
 */
@Component
class JobRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final Duration STALE = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 3;
    private static final int PARALLEL = 2;
    static final String UNEXPLAINED = "Ocurrió un error inesperado en el sistema.";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final ObjectMapper json;
    private final JobHandlers handlers;
    private final Leases leases;
    private final Duration recoverInterval;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(PARALLEL);
    private final java.util.Set<UUID> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    JobRunner(JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json, JobHandlers handlers, Leases leases,
            @Value("${minga.jobs.recover-interval:60s}") Duration recoverInterval,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.leases = leases;
        this.recoverInterval = recoverInterval;
        this.tx = tx;
        this.ownTx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.ownTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.handlers = handlers;
    }

    @Scheduled(fixedDelayString = "${minga.jobs.poll-interval:500ms}")
    void poll() {
        while (slots.tryAcquire()) {
            Optional<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            executor.submit(() -> {
                try {
                    execute(claimed.get());
                } finally {
                    slots.release();
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${minga.jobs.heartbeat-interval:30s}")
    void heartbeat() {
        if (!running.isEmpty()) {
            jdbc.sql("update job set heartbeat_at = now() where status = 'RUNNING' and id in (:ids)")
                    .param("ids", java.util.List.copyOf(running)).update();
        }
    }

    /** Every node schedules the recovery of dead nodes' jobs; one of them runs it per period. */
    @Scheduled(fixedDelayString = "${minga.jobs.recover-interval:60s}")
    void requeueStaleOnce() {
        leases.runOnce("jobs.requeue-stale", recoverInterval, this::requeueStale);
    }

    void requeueStale() {
        int requeued = jdbc.sql("""
                update job set status = case when attempts >= :max then 'FAILED' else 'QUEUED' end,
                               error = case when attempts >= :max then 'El proceso se interrumpió demasiadas veces.' end,
                               finished_at = case when attempts >= :max then now() end
                where status = 'RUNNING' and heartbeat_at < now() - cast(:stale as interval)
                """).param("max", MAX_ATTEMPTS).param("stale", STALE.toSeconds() + " seconds").update();
        if (requeued > 0) {
            log.warn("Recovered {} jobs whose node stopped", requeued);
        }
    }

    private record Claimed(UUID id, String type, String payload, int attempt, String createdBy) {
    }

    private Optional<Claimed> claim() {
        return tx.execute(status -> jdbc.sql("""
                update job set status = 'RUNNING', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
                where id = (select id from job where status = 'QUEUED' and type in (:types)
                            order by created_at for update skip locked limit 1)
                returning id, type, payload::text as payload, attempts, created_by
                """).param("types", handlers.types().isEmpty() ? java.util.List.of("") : handlers.types())
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("type"),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getString("created_by")))
                .optional());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void execute(Claimed job) {
        JobHandler handler = handlers.require(job.type());
        running.add(job.id());
        // The job acts for whoever started it: its audit records name that person.
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(job.createdBy(), null, List.of()));
        try {
            Object payload = json.readValue(job.payload(), handler.payloadType());
            Object result = handler.run(payload, (percent, message) -> progress(job, percent, message));
            jdbc.sql("""
                    update job set status = 'SUCCEEDED', progress = 100, result = cast(:result as jsonb),
                                   finished_at = now(), heartbeat_at = now()
                    where id = :id and attempts = :attempt and status = 'RUNNING'
                    """).param("id", job.id()).param("attempt", job.attempt())
                    .param("result", json.writeValueAsString(result)).update();
        } catch (Exception | Error e) {
            Object problems = null;
            if (e instanceof JobHandler.Refused refused) {
                // The input was refused: the person's to fix, not the operator's; no stack trace in the log.
                log.info("Job {} ({}) refused its input: {}", job.id(), job.type(), e.getMessage());
                problems = java.util.Map.of("problems", refused.problems());
            } else {
                log.warn("Job {} ({}) failed", job.id(), job.type(), e);
            }
            int failed = jdbc.sql("""
                    update job set status = 'FAILED', error = :error, result = cast(:result as jsonb), finished_at = now()
                    where id = :id and attempts = :attempt and status = 'RUNNING'
                    """).param("id", job.id()).param("attempt", job.attempt())
                    .param("result", problems == null ? null : json.writeValueAsString(problems))
                    // A failure without a message (a bug) is said in plain words; the log has the details.
                    .param("error", e.getMessage() == null ? UNEXPLAINED : e.getMessage()).update();
            if (failed == 1) {
                events.publishEvent(new org.minga.platform.Jobs.Failed(job.id(), job.type(), job.createdBy()));
            }
        } finally {
            running.remove(job.id());
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Written in a transaction of its own: a handler that writes everything in one transaction
     * reports from inside it, and a report written there would only be seen at its commit.
     */
    private void progress(Claimed job, int percent, String message) {
        ownTx.executeWithoutResult(status -> jdbc.sql("""
                update job set progress = :p, message = :m, heartbeat_at = now()
                where id = :id and attempts = :attempt and status = 'RUNNING'
                """).param("p", Math.clamp(percent, 0, 100)).param("m", message).param("id", job.id())
                .param("attempt", job.attempt()).update());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
