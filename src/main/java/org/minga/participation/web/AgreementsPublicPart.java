package org.minga.participation.web;

import java.util.List;

import org.minga.participation.internal.Agreements;
import org.minga.platform.web.PublicSchemePart;
import org.springframework.stereotype.Component;

/** The scheme's CTT agreements on its public profile, each with its monitored progress and public page. */
@Component
record AgreementsPublicPart(Agreements agreements) implements PublicSchemePart {

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String titleKey() {
        return "public.part.agreements";
    }

    @Override
    public String source() {
        return "ctt_agreement.title, agreement_action progress (action_update.progress)";
    }

    @Override
    public List<Entry> entries(long schemeId, int limit) {
        return agreements.ofScheme(schemeId).stream().limit(limit)
                .map(a -> new Entry(a.title(), null, "public.part.progress",
                        List.of(a.progress() == null ? "0" : a.progress().stripTrailingZeros().toPlainString()),
                        "/public/participation/agreements/" + a.id()))
                .toList();
    }
}
