package org.minga.platform;

import java.time.Duration;

/** Scheduled work that every node schedules and exactly one runs per period (a lease in the database). */
public interface ScheduledOnce {

    /** Runs the work if no node ran this task in the last period; answers whether it ran here. */
    boolean runOnce(String task, Duration period, Runnable work);
}
