package org.minga.fiscal.web;

import org.minga.platform.web.SchemeSection;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Component;

/** The property-tax section of a Colombian scheme's page: its municipalities' latest official liquidations. */
@Component
class FiscalSection implements SchemeSection {

    private final Schemes schemes;

    FiscalSection(Schemes schemes) {
        this.schemes = schemes;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "fiscal.title";
    }

    @Override
    public String path(long schemeId) {
        return "/fiscal/schemes/" + schemeId;
    }

    @Override
    public String summaryPath(long schemeId) {
        return "/fiscal/schemes/" + schemeId + "/summary";
    }

    /** The property tax is Colombian law: the section shows on Colombian schemes only. */
    @Override
    public boolean visible(long schemeId) {
        return schemes.get(schemeId).getCountry() == Scheme.Country.CO;
    }
}
