package org.minga.projects.web;

import java.util.List;

import org.minga.platform.web.PublicSchemePart;
import org.minga.projects.ProjectDigest;
import org.springframework.stereotype.Component;

/**
 * The scheme's projects on its public profile: stage and the physical progress last reported (none
 * said when none was reported: no estimate), each linking its public page, which shows the rest.
 */
@Component
record ProjectsPublicPart(ProjectDigest digest) implements PublicSchemePart {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "public.part.projects";
    }

    @Override
    public String source() {
        return "project.name, project.stage, project_report.physical_percent (latest)";
    }

    @Override
    public List<Entry> entries(long schemeId, int limit) {
        return digest.projects(schemeId, null).stream().limit(limit)
                .map(p -> new Entry(p.name(), "projects.stage." + p.stage().name(),
                        p.physicalPercent() == null ? "public.part.noProgress" : "public.part.progress",
                        p.physicalPercent() == null ? List.of() : List.of(p.physicalPercent().stripTrailingZeros().toPlainString()),
                        "/public/projects/" + p.id()))
                .toList();
    }
}
