package org.minga.participation.web;

import org.minga.participation.internal.TerritorialIssues;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Moderation of the issues citizens report: publish (coarse or exact place) or reject with a reason. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}/issues/{issueId}")
record IssueController(TerritorialIssues issues, ParticipationPage page) {

    /** Why a report is not published. */
    record Rejection(String reason) {
    }

    @PostMapping("/publish")
    String publish(@PathVariable long id, @PathVariable long issueId,
            @RequestParam(name = "exact", defaultValue = "false") boolean exact, RedirectAttributes redirect) {
        ParticipationPage.requireOwn(id, issues.get(issueId).schemeId());
        issues.publish(issueId, exact);
        return Forms.saved(redirect, "/participation/schemes/" + id + "#moderation");
    }

    @PostMapping("/reject")
    String reject(@PathVariable long id, @PathVariable long issueId, @ModelAttribute("rejection") Rejection form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var issue = issues.get(issueId);
        ParticipationPage.requireOwn(id, issue.schemeId());
        return Forms.submit(result, () -> {
            issues.reject(issueId, form.reason());
            return Forms.saved(redirect, "/participation/schemes/" + id + "#moderation");
        }, () -> {
            model.addAttribute("rejecting", issueId);
            model.addAttribute("rejected", issue);
            return page.form("rejectForm(i=${rejected})", id, model);
        });
    }
}
