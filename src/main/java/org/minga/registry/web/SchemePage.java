package org.minga.registry.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.minga.identity.Scopes;
import org.minga.platform.Zones;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.SchemeSection;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Competences;
import org.minga.registry.internal.LegalRules;
import org.minga.registry.internal.Registrations;
import org.minga.registry.internal.Regularisations;
import org.minga.registry.internal.Memberships;
import org.minga.registry.internal.SchemeDirectoryEntries;
import org.minga.registry.internal.SchemeLifecycle;
import org.minga.territory.Territory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a scheme's page shows: the summary (facts, purposes, legal review), the register's own
 * sections (members, status and competences, acts, bodies, history, profile) and one section per
 * module that works for the scheme ({@link SchemeSection} beans), each loaded lazily from its module.
 * Every form of the page re-renders through {@link #form}: only its fragment for htmx, the page otherwise.
 */
@Component
record SchemePage(Schemes schemes, Scopes scopes, Memberships memberships, SchemeLifecycle law, LegalRules figures,
        Competences competences, SchemeDirectoryEntries entries, Territory territory, ActsAndBodiesModel actsAndBodies,
        Registrations registrations, Regularisations regularisations, ObjectProvider<SchemeSection> sections,
        Zones zones) {

    /** A module's section as the page shows it: its anchor, title, page and the summary to load. */
    record Section(String anchor, String titleKey, String path, String summaryPath) {
    }

    String show(long id, Model model) {
        Scheme scheme = schemes.get(id);
        LocalDate today = zones.today(scheme.getCountry().name());
        model.addAttribute("scheme", scheme);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        var members = memberships.on(id, today);
        model.addAttribute("members", members);
        // Forms about members offer them by name: nobody needs to know a code.
        model.addAttribute("memberOptions", org.minga.platform.web.Option.of(members.stream()
                .filter(m -> m.code() != null).toList(), Memberships.Member::code, m -> m.name() + " (" + m.code() + ")"));
        model.addAttribute("held", competences.on(id, today));
        model.addAttribute("strategicLines", entries.strategicLines(id));
        model.addAttribute("contacts", entries.visibleContacts(id));
        model.addAttribute("timeline", memberships.timeline(id));
        model.addAttribute("seat", scheme.getProfile().seatUnitCode() == null ? null
                : territory.find(scheme.getCountry().name(), scheme.getProfile().seatUnitCode(), today).orElse(null));
        actsAndBodies.addTo(model, id);
        model.addAttribute("pending", regularisations.pending(id, today));
        model.addAttribute("registrations", registrations.of(id));
        model.addAttribute("registrationDocuments", registrations.documents(id, today));
        if (scheme.getFigure() != null) {
            model.addAttribute("figure", figures.figure(scheme.getCountry().name(), scheme.getFigure()).orElse(null));
            model.addAttribute("findings", law.findings(scheme, today));
        }
        model.addAttribute("competenceOptions", Option.of(competences.taxonomy(), Competences.Competence::code,
                Competences.Competence::name));
        model.addAttribute("memberRoles", List.of(new Option("MEMBER", "MEMBER"), new Option("CORE", "CORE")));
        model.addAttribute("nextStatuses", Option.of(scheme.getStatus().next().toArray(Scheme.Status[]::new)));
        model.addAttribute("sections", sections(id));
        // After a refused form the controller has put the typed values (and their errors) in already.
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", profile(scheme));
        }
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", new SchemeForms.Member());
        }
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new SchemeForms.Status());
        }
        if (!model.containsAttribute("registrationForm")) {
            model.addAttribute("registrationForm", new RegistrationForm(
                    Registrations.suggestedAuthority(scheme.getCountry()), null, null, null));
        }
        if (!model.containsAttribute("regulariseForm")) {
            model.addAttribute("regulariseForm", new RegistrationController.RegulariseForm(null));
        }
        if (!model.containsAttribute("competenceForm")) {
            model.addAttribute("competenceForm", new SchemeForms.Competence());
        }
        return "registry/scheme";
    }

    /**
     * A form of the scheme's page: {@code change} runs unless the binder found errors, then the page
     * again with {@code notice}; a broken rule re-renders the form ({@link #form}).
     */
    String submit(long id, BindingResult result, Model model, RedirectAttributes redirect, String fragment,
            String notice, Runnable change) {
        return Forms.submit(result, () -> {
            change.run();
            return saved(id, redirect, notice);
        }, () -> form(id, model, fragment));
    }

    /** The page again, with a notice of what was done. */
    static String saved(long id, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/registry/schemes/" + id;
    }

    /** A refused form: only its fragment when htmx posted it, else the whole page with the form's errors. */
    String form(long id, Model model, String fragment) {
        String page = show(id, model);
        return Forms.htmx() ? fragment : page;
    }

    /** The modules' sections the person now signed in may open, in their order. */
    List<Section> sections(long id) {
        return sections(sections.orderedStream().toList(), id);
    }

    /** The visible ones of {@code all}, lowest order first; each anchored by its title key. */
    static List<Section> sections(List<SchemeSection> all, long id) {
        return all.stream().filter(s -> s.visible(id)).sorted(Comparator.comparingInt(SchemeSection::order))
                .map(s -> new Section("section-" + s.titleKey().replace('.', '-'), s.titleKey(), s.path(id),
                        s.summaryPath(id)))
                .toList();
    }

    private SchemeForms.Profile profile(Scheme scheme) {
        SchemeForms.Profile form = new SchemeForms.Profile();
        Scheme.Profile p = scheme.getProfile();
        form.setName(scheme.getName());
        form.setAcronym(scheme.getAcronym());
        form.setFoundedOn(p.foundedOn());
        form.setLegalPersonality(p.legalPersonality());
        form.setSeatUnitCode(p.seatUnitCode());
        form.setSeatAddress(p.seatAddress());
        form.setPurposes(p.purposes());
        form.setStrategicLines(String.join("\n", entries.strategicLines(scheme.getId())));
        form.setContacts(entries.contacts(scheme.getId()).stream().map(c -> Stream.of(c.name(), c.role(), c.email(),
                c.phone(), c.marksPublicChannel() ? SchemeForms.Profile.PUBLIC_MARK : null).map(v -> v == null ? "" : v)
                .collect(Collectors.joining("; ")).replaceAll("(; )+$", "")).collect(Collectors.joining("\n")));
        return form;
    }
}
