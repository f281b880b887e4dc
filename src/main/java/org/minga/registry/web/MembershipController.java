package org.minga.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.registry.internal.Memberships;
import org.minga.territory.Territory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A scheme's members from its page: who joins, who leaves, and their boundaries for the page's map. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/registry/schemes/{id}")
record MembershipController(Memberships memberships, Schemes schemes, Territory territory, UnitFields units,
        SchemePage page, Zones zones) {

    @PostMapping("/members")
    String join(@PathVariable long id, @ModelAttribute("memberForm") SchemeForms.Member form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return page.submit(id, result, model, redirect, "registry/scheme :: member-form", "scheme.member.added",
                () -> memberships.join(id, new Memberships.Joining(
                        units.code(id, "unitCode", form.getUnitCode(), form.getJoinedOn()), null, form.getRole(),
                        form.getJoinedOn(), form.getAuthorisingAct(), form.getDelegate(), form.getSeats())));
    }

    @PostMapping("/members/{code}/leave")
    String leave(@PathVariable long id, @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn,
            RedirectAttributes redirect) {
        memberships.leave(id, code, leftOn == null ? zones.today() : leftOn);
        return SchemePage.saved(id, redirect, "scheme.member.left");
    }

    /** The members' boundaries and their outline (the scheme's perimeter), for the page's map. */
    @Audience(Reader.ACCOUNT)
    @GetMapping(value = "/geojson", produces = {"application/geo+json", "application/json"})
    @ResponseBody
    Map<String, Object> geoJson(@PathVariable long id) {
        Scheme scheme = schemes.get(id);
        String country = scheme.getCountry().name();
        LocalDate today = zones.today(country);
        List<String> codes = memberships.on(id, today).stream().map(Memberships.Member::code)
                .filter(Objects::nonNull).toList();
        Map<String, Object> members = territory.boundaries(country, codes, today, 0.001);
        return Map.of("type", "FeatureCollection", "features", members.get("features"),
                "outline", territory.outlines(country, Map.of(id, codes), today, 0.001).getOrDefault(id, Map.of()));
    }
}
