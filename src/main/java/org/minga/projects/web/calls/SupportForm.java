package org.minga.projects.web.calls;

import org.minga.projects.internal.calls.Cooperants;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The page form of a cooperant's support in a unit on a theme for a period. */
public class SupportForm {

    private String unitCode;
    private String theme;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private BigDecimal amount;
    private String currency;
    private Long schemeId;
    private String note;

    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
    public String getTheme() { return theme; }
    public void setTheme(String v) { theme = v; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate v) { startsOn = v; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate v) { endsOn = v; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
    public String getCurrency() { return currency; }
    public void setCurrency(String v) { currency = v; }
    public Long getSchemeId() { return schemeId; }
    public void setSchemeId(Long v) { schemeId = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }

    Cooperants.NewSupport input() {
        return new Cooperants.NewSupport(unitCode, theme, startsOn, endsOn, amount, amount == null ? null : currency,
                schemeId, note);
    }
}
