package org.minga.notifications.web;

import org.minga.notifications.internal.Unsubscribes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One-click unsubscribe without signing in. The link in an e-mail opens a page with a button (a GET
 * never changes anything, since mail scanners follow links); mail programs POST to the same address
 * (RFC 8058 {@code List-Unsubscribe-Post}). A bad token changes nothing.
 */
@Controller
@RequestMapping("/public/notifications/unsubscribe")
@Audience(Reader.PUBLIC)
record UnsubscribeController(Unsubscribes unsubscribes) {

    @GetMapping
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", unsubscribes.valid(token));
        return "notifications/unsubscribe";
    }

    @PostMapping
    String unsubscribe(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("valid", unsubscribes.unsubscribe(token));
        model.addAttribute("done", true);
        return "notifications/unsubscribe";
    }
}
