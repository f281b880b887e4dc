package org.minga.finance.web;

import org.minga.identity.Scopes;
import org.minga.platform.web.SchemeSection;
import org.springframework.stereotype.Component;

/**
 * Finance's part of a scheme's page: the contributions page, and the equity chart (contributions
 * paid against benefits received) loaded from {@code finance/equity :: summary}. The people who may
 * read the scheme's records see it.
 */
@Component
class FinanceSection implements SchemeSection {

    private final Scopes scopes;

    FinanceSection(Scopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "finance.equity";
    }

    @Override
    public String path(long schemeId) {
        return "/finance/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return "/finance/schemes/" + schemeId + "/equity";
    }

    @Override
    public boolean visible(long schemeId) {
        return scopes.canReadScheme(schemeId);
    }
}
