package org.minga.platform.internal.jobs;

import org.minga.platform.JobHandler;
import org.springframework.stereotype.Component;

/** A job for tests: counts to a number, reporting progress; fails on a negative number. */
@Component
class CountingJobHandler implements JobHandler<CountingJobHandler.Count> {

    record Count(int upTo) {
    }

    record Counted(int total) {
    }

    @Override
    public String type() {
        return "TEST_COUNT";
    }

    @Override
    public Class<Count> payloadType() {
        return Count.class;
    }

    @Override
    public Object run(Count payload, Progress progress) {
        if (payload.upTo() < 0) {
            throw new IllegalArgumentException("No se puede contar hasta un número negativo.");
        }
        int total = 0;
        for (int i = 1; i <= payload.upTo(); i++) {
            total += i;
            progress.report(i * 100 / payload.upTo(), "Contados " + i + " de " + payload.upTo());
        }
        return new Counted(total);
    }
}
