package org.minga.platform.internal.web;

import java.security.Principal;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: signed-in people get their desk (owned by notifications at {@code /desk}, which platform may not
 * depend on); anyone else the public home (the register's, at {@code /public}).
 */
@Audience(Reader.PUBLIC)
@Controller
record HomeController() {

    @GetMapping("/")
    String home(Principal signedIn) {
        return signedIn == null ? "forward:/public" : "forward:/desk";
    }
}
