package org.minga.platform.internal.jobs;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minga.platform.JobHandler;
import org.springframework.stereotype.Component;

/** The job types this node knows, from every {@link JobHandler} bean. */
@Component
class JobHandlers {

    private final Map<String, JobHandler<?>> byType;

    JobHandlers(List<JobHandler<?>> handlers) {
        this.byType = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
    }

    JobHandler<?> require(String type) {
        JobHandler<?> handler = byType.get(type);
        if (handler == null) {
            throw new IllegalArgumentException("No handler for job type " + type);
        }
        return handler;
    }

    boolean knows(String type) {
        return byType.containsKey(type);
    }

    java.util.Set<String> types() {
        return byType.keySet();
    }
}
