package org.minga.governance.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.minga.governance.Majority;
import org.minga.governance.internal.Sessions;
import org.minga.governance.internal.Statutes;
import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A scheme's governance page: its bodies with the statutes' rules in force, its sessions, and the
 * forms to record the rules and convene a session. The scheme's readers see it; its staff write.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/governance/schemes/{id}")
record GovernanceController(Statutes statutes, Sessions sessions, SchemeFacts facts, Schemes schemes, Scopes scopes) {

    static final String PAGE = "governance/scheme";
    static final int PAGE_SIZE = 50;

    @ModelAttribute("scheme")
    Scheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        List<SchemeFacts.Body> bodies = facts.bodies(id);
        List<Sessions.Session> rows = sessions.of(id, page, PAGE_SIZE);
        model.addAttribute("bodies", bodies);
        model.addAttribute("rules", statutes.of(id));
        model.addAttribute("sessions", rows.subList(0, Math.min(PAGE_SIZE, rows.size())));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("more", rows.size() > PAGE_SIZE);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        model.addAttribute("bodyOptions", Option.of(bodies, SchemeFacts.Body::id, SchemeFacts.Body::name));
        model.addAttribute("majorities", Option.of(Majority.values()));
        model.addAttribute("sessionKinds", Option.of(Sessions.Kind.values()));
        model.mergeAttributes(Map.of(
                "ruleForm", new Statutes.RuleInput(null, null, 51, "SIMPLE", "TWO_THIRDS", null, null, null),
                "sessionForm", new Sessions.SessionInput(null, "ORDINARY", null, null, null, null, null, null)));
        return PAGE;
    }

    @PostMapping("/rules")
    String rules(@PathVariable long id, @ModelAttribute("ruleForm") Statutes.RuleInput form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, result, model, "rule-form", () -> {
            statutes.set(id, form);
            return Forms.saved(redirect, "/governance/schemes/" + id + "#rules");
        });
    }

    @PostMapping("/sessions")
    String convene(@PathVariable long id, @ModelAttribute("sessionForm") Sessions.SessionInput form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, result, model, "session-form", () -> Forms.saved(redirect,
                "/governance/schemes/" + id + "/sessions/" + sessions.convene(id, form).id()));
    }

    private String submit(long id, BindingResult result, Model model, String fragment, Supplier<String> action) {
        scopes.requireSchemeWrite(id);
        // The fragment needs the page's model too (bodies, who may edit), so the page is built either way.
        return Forms.submit(result, action, () -> {
            String page = show(id, 0, model);
            return Forms.fragmentOr(PAGE + " :: " + fragment, () -> page);
        });
    }
}
