package org.minga.services.web;

import org.minga.platform.NotFoundException;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.services.Cases;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page where an applicant follows a case by its number without logging in: its state and dates only. */
@Audience(Reader.PUBLIC)
@Controller
record PublicCaseController(Cases cases) {

    @GetMapping("/public/services/cases")
    String lookup(@RequestParam(required = false) String number) {
        if (number != null && !number.isBlank()) {
            return "redirect:/public/services/cases/" + number.strip();
        }
        return "services/public-case";
    }

    @GetMapping("/public/services/cases/{number}")
    String publicCase(@PathVariable String number, Model model) {
        model.addAttribute("view", cases.byNumber(number).orElseThrow(() -> new NotFoundException("trámite", number)));
        return "services/public-case";
    }
}
