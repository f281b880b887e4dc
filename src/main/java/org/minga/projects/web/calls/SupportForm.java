package org.minga.projects.web.calls;

import org.minga.projects.internal.calls.Cooperants;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The page form of a cooperant's support in a unit on a theme for a period. */
public record SupportForm(String unitCode, String theme,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, BigDecimal amount, String currency,
        Long schemeId, String note) {

    Cooperants.NewSupport input() {
        return new Cooperants.NewSupport(unitCode, theme, startsOn, endsOn, amount, amount == null ? null : currency,
                schemeId, note);
    }
}
