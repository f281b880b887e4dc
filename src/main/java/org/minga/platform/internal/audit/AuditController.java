package org.minga.platform.internal.audit;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: newest first, filterable, a keyset page at a time. */
@Audience(Reader.PLATFORM_ADMIN)
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditController {

    private final AuditQuery audit;

    AuditController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size, Model model) {
        var filter = new AuditQuery.Filter(actor, action, entityType, entityId, schemeId, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", audit.find(filter, before, size));
        model.addAttribute("zone", audit.zone().getId());
        model.addAttribute("size", size);
        return "platform/audit";
    }
}
