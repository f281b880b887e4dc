package org.minga.knowledge.web;

import java.util.List;

import org.minga.knowledge.KnowledgeBase;
import org.minga.platform.web.PublicSchemePart;
import org.springframework.stereotype.Component;

/**
 * The scheme's knowledge items on its public profile: kind and title only. Reading an item opens the
 * knowledge base, which asks for an account (a citizen can create one), so no link is given here.
 */
@Component
record KnowledgePublicPart(KnowledgeBase knowledge) implements PublicSchemePart {

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String titleKey() {
        return "public.part.knowledge";
    }

    @Override
    public String source() {
        return "knowledge_item.title, knowledge_item.kind";
    }

    @Override
    public List<Entry> entries(long schemeId, int limit) {
        return knowledge.ofScheme(schemeId, limit).stream()
                .map(i -> new Entry(i.title(), "knowledge.kind." + i.kind().name(), null, List.of(), null))
                .toList();
    }
}
