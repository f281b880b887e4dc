package org.minga.notifications.web;

import java.util.List;

import org.minga.identity.Recipients;
import org.minga.identity.Recipients.Recipient;
import org.minga.identity.Role;
import org.minga.notifications.internal.Inbox;
import org.minga.notifications.internal.Mailer;
import org.minga.notifications.internal.Preferences;
import org.minga.platform.NotFoundException;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Reader;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own inbox and notification preferences; nobody else's messages are reachable. */
@Controller
@RequestMapping("/inbox")
@Audience(Reader.ACCOUNT)
record InboxController(Inbox inbox, Recipients recipients, Preferences preferences, Mailer mailer) {

    /** The preferences form. */
    public record PreferenceForm(boolean immediate, boolean digest, String language) {
    }

    @GetMapping
    String show(@RequestParam(required = false) Long before, Authentication auth, Model model) {
        Recipient me = me(auth);
        List<Inbox.Message> page = inbox.page(me.id(), before);
        model.addAttribute("messages", page.subList(0, Math.min(page.size(), Inbox.PAGE)));
        model.addAttribute("older", page.size() > Inbox.PAGE ? page.get(Inbox.PAGE - 1).id() : null);
        model.addAttribute("mailOff", !mailer.on());
        model.addAttribute("admin", me.holds(Role.PLATFORM_ADMIN));
        if (!model.containsAttribute("preferenceForm")) {
            var p = preferences.of(me.id());
            model.addAttribute("preferenceForm", new PreferenceForm(p.immediate(), p.digest(), p.language()));
        }
        return "notifications/inbox";
    }

    /** Opens a message: marks it read and goes where its item is done. */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id, Authentication auth) {
        String link = inbox.open(me(auth).id(), id).orElseThrow(() -> new NotFoundException("mensaje", id));
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/inbox");
    }

    @PostMapping("/preferences")
    String save(@ModelAttribute("preferenceForm") PreferenceForm form, Authentication auth,
            RedirectAttributes redirect) {
        preferences.save(me(auth).id(), new Preferences.Preference(form.immediate(), form.digest(), form.language()));
        return Forms.saved(redirect, "/inbox");
    }

    private Recipient me(Authentication auth) {
        return recipients.byUsername(auth.getName()).orElseThrow(() -> new NotFoundException("usuario", auth.getName()));
    }
}
