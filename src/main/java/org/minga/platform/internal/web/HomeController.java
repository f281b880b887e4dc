package org.minga.platform.internal.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Audience(Reader.ACCOUNT)
@Controller
record HomeController() {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
