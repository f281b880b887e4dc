package org.minga.projects.web;

import java.util.List;

import org.minga.platform.web.PublicPages;
import org.minga.projects.ProjectDigest;
import org.springframework.stereotype.Component;

/** Every project's public page, for the sitemap. */
@Component
record ProjectsPublicPages(ProjectDigest digest) implements PublicPages {

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public long maxId() {
        return digest.maxId();
    }

    @Override
    public List<Page> after(long afterId, int limit) {
        return digest.after(afterId, limit).stream()
                .map(p -> new Page(p.id(), "/public/projects/" + p.id(), p.changedOn())).toList();
    }
}
