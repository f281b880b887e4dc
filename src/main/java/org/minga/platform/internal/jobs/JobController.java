package org.minga.platform.internal.jobs;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/** A job's page with a progress bar that htmx refreshes until the job ends. */
@Audience(Reader.ACCOUNT)
@Controller
record JobController(JobAccess access) {

    @GetMapping("/jobs/{id}")
    String page(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("job", access.visible(id));
        return htmx != null ? "platform/job :: progress" : "platform/job";
    }
}
