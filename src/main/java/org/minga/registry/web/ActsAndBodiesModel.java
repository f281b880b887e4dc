package org.minga.registry.web;

import org.minga.platform.Zones;

import java.time.LocalDate;
import java.util.Map;

import org.minga.registry.internal.ActType;
import org.minga.registry.internal.GoverningBodies;
import org.minga.registry.internal.LegalActs;
import org.minga.registry.internal.PdfDocuments;
import org.minga.registry.internal.TermAlerts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** What the acts and bodies fragments of the scheme page need, kept out of the scheme controller. */
@Component
record ActsAndBodiesModel(LegalActs acts, GoverningBodies bodies, TermAlerts alerts, PdfDocuments documents,
        org.minga.identity.Scopes scopes, Zones zones) {

    void addTo(Model model, long schemeId) {
        model.addAttribute("acts", acts.of(schemeId));
        // Acts are public by nature; the people who sit on its bodies are for the scheme's readers (as the API).
        boolean reader = scopes.canReadScheme(schemeId);
        model.addAttribute("bodies", reader ? bodies.of(schemeId) : java.util.List.of());
        model.addAttribute("termAlerts", reader ? alerts.of(schemeId, zones.today(), TermAlerts.DEFAULT_DAYS)
                : java.util.List.of());
        model.addAttribute("alertDays", TermAlerts.DEFAULT_DAYS);
        model.addAttribute("actTypes", ActType.values());
        model.addAttribute("bodyKinds", GoverningBodies.Kind.values());
        model.addAttribute("seatRoles", GoverningBodies.SeatRole.values());
        model.addAttribute("maxDocumentMb", documents.maxBytes() / (1024 * 1024));
        // ActUploadLimitFilter sends a page upload Spring could not even read back here with this flag.
        model.addAttribute("documentTooLarge", RequestContextHolder.getRequestAttributes() instanceof
                ServletRequestAttributes r && r.getRequest().getParameter("documentTooLarge") != null);
        // After a refused form the controller has put the typed values (and their errors) in already.
        model.mergeAttributes(Map.of("actForm", new ActForm(null, null, null, null, null, null, null),
                "bodyForm", new BodyForm(null, null), "seatForm", new SeatForm(null, null, null, null, null, null)));
    }
}
