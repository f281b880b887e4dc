package org.minga.platform.internal.cluster;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work once across nodes. Every node schedules the same tasks; the one whose update
 * moves the task's lease forward runs it, and the others find the lease taken: PostgreSQL holds the
 * row lock until the update commits and then re-checks the racing update against the new row, so
 * of nodes racing for a period exactly one wins. A node that died simply stops taking leases.
 */
@Component
public class Leases implements org.minga.platform.ScheduledOnce {

    /** A lease is taken again after this share of the period, so clock jitter never skips a period. */
    private static final double SLACK = 0.9;
    private final JdbcClient jdbc;
    private final String node;

    Leases(JdbcClient jdbc, NodeName node) {
        this.jdbc = jdbc;
        this.node = node.value();
    }

    @Override
    public boolean runOnce(String task, Duration period, Runnable work) {
        if (!take(task, period)) {
            return false;
        }
        work.run();
        return true;
    }

    boolean take(String task, Duration period) {
        long millis = (long) (period.toMillis() * SLACK);
        return jdbc.sql("""
                insert into scheduled_lease as l (task, ran_at, node) values (:task, now(), :node)
                on conflict (task) do update set ran_at = now(), node = :node
                    where l.ran_at <= now() - cast(:held as interval)
                returning task""")
                .param("task", task).param("node", node).param("held", millis + " milliseconds")
                .query(String.class).optional().isPresent();
    }
}
