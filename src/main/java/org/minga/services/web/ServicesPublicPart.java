package org.minga.services.web;

import java.util.List;

import org.minga.platform.web.PublicSchemePart;
import org.minga.services.ServiceLines;
import org.springframework.stereotype.Component;

/**
 * The scheme's service lines on its public profile: what it offers (name and kind), with the public
 * page where an applicant follows a case by its number. Clients, tariffs and cases stay inside.
 */
@Component
record ServicesPublicPart(ServiceLines lines) implements PublicSchemePart {

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "public.part.services";
    }

    @Override
    public String source() {
        return "service_line.name, service_line.type";
    }

    @Override
    public List<Entry> entries(long schemeId, int limit) {
        return lines.lines(schemeId).stream().limit(limit)
                .map(l -> new Entry(l.name(), "services.type." + l.type().name(), null, List.of(), "/public/services/cases"))
                .toList();
    }
}
