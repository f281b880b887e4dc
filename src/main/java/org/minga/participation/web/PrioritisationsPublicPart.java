package org.minga.participation.web;

import java.util.List;

import org.minga.participation.internal.PrioritisationExercises;
import org.minga.platform.web.PublicSchemePart;
import org.springframework.stereotype.Component;

/** The scheme's prioritisation exercises on its public profile: open or closed, ballots, and the results' page. */
@Component
record PrioritisationsPublicPart(PrioritisationExercises exercises) implements PublicSchemePart {

    @Override
    public int order() {
        return 55;
    }

    @Override
    public String titleKey() {
        return "public.part.prioritisations";
    }

    @Override
    public String source() {
        return "prioritisation.title, prioritisation.status, count(ballot)";
    }

    @Override
    public List<Entry> entries(long schemeId, int limit) {
        return exercises.ofScheme(schemeId).stream().limit(limit)
                .map(e -> new Entry(e.title(), e.open() ? "public.part.open" : "public.part.closed",
                        "public.part.ballots", List.of(e.ballots()), "/public/participation/prioritisations/" + e.id()))
                .toList();
    }
}
