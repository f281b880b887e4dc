package org.minga.transitions.internal;

import java.util.List;
import java.util.Map;

import org.minga.platform.JobHandler;
import org.minga.transitions.Elections;
import org.minga.transitions.Transitions;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Every candidate of an election served their dossier at once, as a job with progress per dossier:
 * each delivery is generated, stored and logged as when served one by one, so all of them hold the
 * version the records give as of the election's cut-off date.
 */
@Component
public record CandidateDossiersJob(Transitions transitions, Elections elections)
        implements JobHandler<CandidateDossiersJob.Request> {

    public static final String TYPE = "transitions.candidate-dossiers";

    public record Request(long schemeId, long electionId) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Request> payloadType() {
        return Request.class;
    }

    @Override
    public Object run(Request request, Progress progress) {
        // Refuses another scheme's election before anything is generated.
        elections.election(request.schemeId(), request.electionId());
        List<Elections.Candidate> candidates = elections.candidates(request.electionId());
        int done = 0;
        for (Elections.Candidate c : candidates) {
            progress.report(100 * done / Math.max(1, candidates.size()),
                    "Expediente " + (done + 1) + " de " + candidates.size() + ": " + c.name());
            transitions.deliverToCandidate(request.schemeId(), request.electionId(), c.id());
            done++;
        }
        progress.report(100, done + " expedientes entregados");
        return Map.of("delivered", done);
    }

    /** The election's page: who holds which version, and the neutrality report. */
    @Override
    public String resultLink(Request request, JsonNode result) {
        return retryLink(request);
    }

    @Override
    public String retryLink(Request request) {
        return "/transitions/schemes/" + request.schemeId() + "/elections/" + request.electionId();
    }
}
