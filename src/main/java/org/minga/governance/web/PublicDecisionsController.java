package org.minga.governance.web;

import org.minga.governance.internal.Decisions;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A scheme's decisions for everyone: what its bodies decided, with the votes and the text. No names of people. */
@Audience(Reader.PUBLIC)
@Controller
record PublicDecisionsController(Decisions decisions, Schemes schemes) {

    static final int PAGE_SIZE = 25;

    @GetMapping("/public/schemes/{id}/decisions")
    String list(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("decisions", decisions.published(id, page, PAGE_SIZE));
        return "governance/public-decisions";
    }
}
