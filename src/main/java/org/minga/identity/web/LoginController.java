package org.minga.identity.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.identity.internal.IdentityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Audience(Reader.PUBLIC)
@Controller
record LoginController(IdentityProperties properties) {

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutMinutes", properties.login().lockout().toMinutes());
        return "identity/login";
    }
}
