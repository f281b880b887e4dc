package org.minga.territory.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.minga.identity.SchemeDirectory;
import org.minga.identity.Scopes;
import org.minga.platform.Inputs;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.territory.Level;
import org.minga.territory.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The suggestions of the unit picker ({@code territory/picker}): public, because unit names are
 * public and a citizen signing up has no account yet. The picker's input sends its own value under
 * its form field's name, which {@code field} names.
 */
@Audience(Reader.PUBLIC)
@Controller
record UnitPickerController(Units units, Zones zones, SchemeDirectory schemes, Scopes scopes) {

    static final int SUGGESTIONS = 8;

    @GetMapping("/public/territory/suggestions")
    String suggestions(@RequestParam String field, @RequestParam(defaultValue = "unit") String id,
            @RequestParam(required = false) String country, @RequestParam(required = false) String level,
            @RequestParam(required = false) Long schemeId, @RequestParam MultiValueMap<String, String> params,
            Model model) {
        String place = "CO".equals(country) || "SV".equals(country) ? country : countryOf(schemeId);
        Units.Scope scope = new Units.Scope(place, levels(level), place == null ? zones.today() : zones.today(place));
        String typed = Inputs.text(params.getFirst(field));
        model.addAttribute("id", id.replaceAll("[^A-Za-z0-9_-]", ""));
        model.addAttribute("typed", typed != null && typed.strip().length() >= 2);
        model.addAttribute("choices", units.suggest(typed, scope, SUGGESTIONS));
        return "territory/picker :: options";
    }

    /** The country of the scheme a form has chosen, when the reader may see that scheme. */
    private String countryOf(Long schemeId) {
        return schemeId == null || !scopes.canReadScheme(schemeId) ? null
                : schemes.find(schemeId).map(SchemeDirectory.SchemeRef::country).orElse(null);
    }

    private static Set<Level> levels(String text) {
        return text == null ? Set.of() : Arrays.stream(text.split(",")).map(String::strip)
                .filter(l -> Arrays.stream(Level.values()).anyMatch(v -> v.name().equals(l))).map(Level::valueOf)
                .collect(Collectors.toSet());
    }
}
