package org.minga.projects.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.minga.platform.Zones;
import org.minga.platform.web.Option;
import org.minga.projects.internal.Sectors;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the project forms offer instead of codes: the sectors of the scheme's country's catalogue
 * ({@code sectors}) and the scheme's member units today by name, with the unit they belong to
 * ({@code members}: a department, or a Salvadoran district's municipality).
 */
@Component
record ProjectChoices(Sectors sectors, SchemeFacts facts, Schemes schemes, Zones zones) {

    private static final Comparator<Option> BY_NAME = Comparator.comparing(Option::text,
            Collator.getInstance(Locale.forLanguageTag("es")));

    /** {@code keptSector}: the project's sector when it predates the catalogue, offered so that an edit keeps it. */
    void fill(Model model, long schemeId, String keptSector) {
        String country = schemes.get(schemeId).getCountry().name();
        model.addAttribute("sectors", sectors.of(country).options(keptSector));
        model.addAttribute("members", members(schemeId, country));
    }

    /** Member units only: a member scheme (of an association of metropolitan areas) benefits through its own units. */
    private List<Option> members(long schemeId, String country) {
        return facts.members(schemeId, zones.today(country)).stream().filter(m -> m.level() != null)
                .map(m -> new Option(m.code(), m.parentName() == null ? m.name() : m.name() + " (" + m.parentName() + ")"))
                .sorted(BY_NAME).toList();
    }
}
