package org.minga.notifications.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Recipients;
import org.minga.notifications.AttentionItem;
import org.minga.notifications.internal.Attention;
import org.minga.notifications.internal.Mailer;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mi escritorio": what needs the signed-in person's attention now, grouped by kind. Platform's
 * {@code /} forwards signed-in people here, since platform may not depend on this module. The
 * sources already answer only what the person's grants let them see.
 */
@Controller
@Audience(Reader.ACCOUNT)
record DeskController(Attention attention, Recipients recipients, Mailer mailer) {

    /** One kind of item with the total of its counts and its items (one per scheme, usually). */
    public record Group(String kind, long count, List<AttentionItem> items) {
    }

    @GetMapping("/desk")
    String desk(Authentication auth, Model model) {
        var me = recipients.byUsername(auth.getName());
        Map<String, List<AttentionItem>> byKind = new LinkedHashMap<>();
        me.map(attention::itemsFor).orElse(List.of())
                .forEach(i -> byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i));
        model.addAttribute("groups", byKind.entrySet().stream().map(e -> new Group(e.getKey(),
                e.getValue().stream().mapToLong(AttentionItem::count).sum(), e.getValue())).toList());
        model.addAttribute("mailOff", !mailer.on());
        return "notifications/desk";
    }
}
