package org.minga.registry.internal;

import java.util.List;

import org.minga.platform.web.PublicPages;
import org.springframework.stereotype.Component;

/** Every scheme's public profile, for the sitemap. */
@Component
record SchemesPublicPages(PublicRegister register) implements PublicPages {

    @Override
    public String name() {
        return "schemes";
    }

    @Override
    public long maxId() {
        return register.maxSchemeId();
    }

    @Override
    public List<Page> after(long afterId, int limit) {
        return register.schemesAfter(afterId, limit).stream()
                .map(s -> new Page(s.id(), "/public/schemes/" + s.id(), s.changedOn())).toList();
    }
}
