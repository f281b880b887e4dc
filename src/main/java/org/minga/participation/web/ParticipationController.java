package org.minga.participation.web;

import org.minga.identity.Scopes;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A scheme's participation work, for its team: moderation of reported issues, prioritisation
 * exercises, CTT agreements and events on one page; each aggregate's forms post to its own
 * controller. Reading is open to signed-in users; every write asks {@link Scopes} inside the service.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}")
record ParticipationController(ParticipationPage page) {

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }

    /** The scheme page's participation section (see {@link ParticipationSection}), loaded lazily. */
    @GetMapping("/summary")
    String summary(@PathVariable long id, Model model) {
        return page.summary(id, model);
    }
}
