package org.minga.registry.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.Inputs;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.PublicCaching;
import org.minga.platform.web.PublicPage;
import org.minga.platform.web.PublicSchemePart;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Competences;
import org.minga.registry.internal.LegalActs;
import org.minga.registry.internal.LegalRules;
import org.minga.registry.internal.Memberships;
import org.minga.registry.internal.PublicRegister;
import org.minga.registry.internal.Register;
import org.minga.registry.internal.SchemeDirectoryEntries;
import org.minga.territory.Territory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Public Minga (issue 17): the home anonymous visitors get at {@code /} (forwarded here), with the
 * register's list, filters, map and latest events; and a scheme's public profile. Server-rendered,
 * readable without JavaScript (the maps enhance a list), cacheable for anonymous visitors
 * ({@link PublicCaching}). Only public facts: see docs/guia/portal-publico.md for each one's source.
 */
@Audience(Reader.PUBLIC)
@Controller
record PublicRegisterController(Schemes schemes, Register register, PublicRegister publicRegister,
        LegalRules figures, Competences competences, Memberships memberships, LegalActs acts,
        SchemeDirectoryEntries entries, Territory territory, ObjectProvider<PublicSchemePart> parts,
        PublicCaching caching, MessageSource messages, Zones zones) {

    static final int PAGE_SIZE = 25;
    static final int EVENTS = 10;
    static final int PART_ENTRIES = 50;

    /** A module's part as the profile shows it. */
    record Part(String anchor, String titleKey, List<PublicSchemePart.Entry> entries) {
    }

    @GetMapping("/public")
    String home(@RequestParam(required = false) String q, @RequestParam(required = false) String country,
            @RequestParam(required = false) String figure, @RequestParam(required = false) String department,
            @RequestParam(required = false) String status, @RequestParam(required = false) String competence,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        if (caching.notModified(request, response, locale)) {
            return null;
        }
        // A filter value that is not one of the choices (an old link) is ignored, not an error page.
        var filter = new Register.Filter(choice(Scheme.Country.class, country), Inputs.text(figure),
                Inputs.text(department), choice(Scheme.Status.class, status), Inputs.text(competence), Inputs.text(q));
        LocalDate today = zones.today();
        model.addAttribute("filter", filter);
        model.addAttribute("result", register.page(filter, today, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("countries", Scheme.Country.values());
        model.addAttribute("statuses", Scheme.Status.values());
        model.addAttribute("figures", Stream.of("CO", "SV").flatMap(c -> figures.figures(c).stream()).toList());
        model.addAttribute("departments", publicRegister.departments(today));
        model.addAttribute("competences", competences.taxonomy());
        model.addAttribute("events", publicRegister.latestEvents(EVENTS));
        model.addAttribute("publicPage", PublicPage.of(text("public.home.description", locale), "/"));
        return "registry/public-home";
    }

    @GetMapping("/public/schemes/{id}")
    String profile(@PathVariable long id, @RequestParam(required = false) String on, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Scheme scheme = schemes.get(id);
        String country = scheme.getCountry().name();
        LocalDate today = zones.today(country);
        LocalDate date = today;
        try {
            LocalDate asked = Inputs.date(on);
            date = asked == null ? today : asked;
        } catch (IllegalArgumentException e) {
            // A date that is not one: said beside the field, the members of today shown, nothing cached.
            model.addAttribute("onError", "public.on.invalid");
            model.addAttribute("onTyped", on);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        if (!model.containsAttribute("onError") && caching.notModified(request, response, locale)) {
            return null;
        }
        model.addAttribute("scheme", scheme);
        model.addAttribute("on", date);
        model.addAttribute("today", today);
        model.addAttribute("figure", scheme.getFigure() == null ? null
                : figures.figure(country, scheme.getFigure()).orElse(null));
        model.addAttribute("seat", scheme.getProfile().seatUnitCode() == null ? null
                : territory.find(country, scheme.getProfile().seatUnitCode(), today).orElse(null));
        model.addAttribute("statusHistory", publicRegister.statusHistory(id));
        model.addAttribute("members", memberships.on(id, date).stream().map(PublicMember::of).toList());
        model.addAttribute("held", competences.on(id, date));
        model.addAttribute("strategicLines", entries.strategicLines(id));
        model.addAttribute("acts", acts.of(id));
        model.addAttribute("bodies", publicRegister.bodies(id, today));
        model.addAttribute("channels", publicRegister.publicChannels(id));
        model.addAttribute("parts", parts.orderedStream()
                .sorted(java.util.Comparator.comparingInt(PublicSchemePart::order))
                .map(p -> new Part("part-" + p.titleKey().replace('.', '-'), p.titleKey(), p.entries(id, PART_ENTRIES)))
                .filter(p -> !p.entries().isEmpty()).toList());
        model.addAttribute("publicPage", PublicPage.of(text("public.profile.description", locale, scheme.getName(),
                text("country." + country, locale)), "/public/schemes/" + id));
        return "registry/public-scheme";
    }

    /** The members' boundaries on the date and their outline (the scheme's perimeter), for the profile's map. */
    @GetMapping(value = "/public/schemes/{id}/members.geojson", produces = {"application/geo+json", "application/json"})
    @ResponseBody
    Map<String, Object> members(@PathVariable long id, @RequestParam(required = false) String on) {
        Scheme scheme = schemes.get(id);
        String country = scheme.getCountry().name();
        LocalDate date = dateOr(on, zones.today(country));
        List<String> codes = memberships.on(id, date).stream().map(Memberships.Member::code).filter(Objects::nonNull)
                .toList();
        Map<String, Object> boundaries = territory.boundaries(country, codes, date, 0.001);
        return Map.of("type", "FeatureCollection", "features", boundaries.get("features"),
                "outline", territory.outlines(country, Map.of(id, codes), date, 0.001).getOrDefault(id, Map.of()));
    }

    /** A legal act's PDF: the acts of the register are public, and so are their documents. */
    @GetMapping("/public/schemes/{id}/acts/{actId}/document")
    ResponseEntity<byte[]> actDocument(@PathVariable long id, @PathVariable long actId) {
        return ActDocuments.inline(acts.document(id, actId));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The date asked, or {@code fallback} when none or not a date (the map follows the page, which says why). */
    private static LocalDate dateOr(String on, LocalDate fallback) {
        try {
            LocalDate asked = Inputs.date(on);
            return asked == null ? fallback : asked;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }

    /** A member as the public sees it: the unit, its parent, role and dates; never the delegate's name. */
    record PublicMember(String code, String name, String level, String parentName, String role, LocalDate joinedOn,
            LocalDate leftOn, int seats) {

        static PublicMember of(Memberships.Member m) {
            return new PublicMember(m.code(), m.name(), m.level(), m.parentName(), m.role(), m.joinedOn(), m.leftOn(),
                    m.seats());
        }
    }
}
