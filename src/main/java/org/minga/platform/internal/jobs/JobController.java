package org.minga.platform.internal.jobs;

import org.minga.platform.JobHandler;
import org.minga.platform.Jobs.JobView;
import org.minga.platform.Jobs.Status;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A job's page with a progress bar that htmx refreshes until the job ends; then it leads on: to the
 * result when it succeeded, to the form with advice and the problems found when it failed. Where
 * those are is the handler's to say, so platform knows no module's pages.
 */
@Audience(Reader.ACCOUNT)
@Controller
record JobController(JobAccess access, JdbcJobs jobs, JobHandlers handlers, ObjectMapper json) {

    /** What the page shows: the job, where its result is, where to try again, what was wrong. */
    record JobPage(JobView job, String resultLink, String retryLink, List<JobHandler.Problem> problems) {
    }

    @GetMapping("/jobs/{id}")
    String page(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        JobView job = access.visible(id);
        model.addAttribute("job", job);
        model.addAttribute("page", page(job));
        return htmx != null ? "platform/job :: progress" : "platform/job";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private JobPage page(JobView job) {
        if (!job.finished() || !handlers.knows(job.type())) {
            return new JobPage(job, null, null, List.of());
        }
        JobHandler handler = handlers.require(job.type());
        Object payload = jobs.payload(job.id()).map(p -> json.readValue(p, handler.payloadType())).orElse(null);
        JsonNode result = job.result() instanceof JsonNode node ? node : null;
        if (job.status() == Status.SUCCEEDED) {
            return new JobPage(job, payload == null ? null : handler.resultLink(payload, result), null, List.of());
        }
        List<JobHandler.Problem> problems = result == null || !result.has("problems") ? List.of()
                : List.of(json.treeToValue(result.get("problems"), JobHandler.Problem[].class));
        return new JobPage(job, null, payload == null ? null : handler.retryLink(payload), problems);
    }
}
