package org.minga.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Names unique within a test run, so tests sharing one database never collide. */
public final class TestData {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
