package org.minga.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded memory for what is asked again and again (rendered pages, figures, checked passwords). */
public final class RecentlyUsed {

    private RecentlyUsed() {
    }

    /**
     * A thread-safe map keeping the {@code capacity} most recently used entries and forgetting the
     * eldest, so memory stays flat whatever visitors ask.
     */
    public static <K, V> Map<K, V> map(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
