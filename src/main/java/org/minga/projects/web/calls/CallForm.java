package org.minga.projects.web.calls;

import org.minga.projects.internal.calls.FundingCalls;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The page form of a new funding call; units and categories are typed separated by commas. */
public class CallForm {

    private String owner;
    private String name;
    private String country = "CO";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate opensOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closesOn;
    private List<String> sectors = new ArrayList<>();
    private BigDecimal maxAmount;
    private String currency = "COP";
    private String units;
    private boolean pdetOnly;
    private String categories;
    private String description;

    static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("[,;\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    public String getOwner() { return owner; }
    public void setOwner(String v) { owner = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
    public LocalDate getOpensOn() { return opensOn; }
    public void setOpensOn(LocalDate v) { opensOn = v; }
    public LocalDate getClosesOn() { return closesOn; }
    public void setClosesOn(LocalDate v) { closesOn = v; }
    public List<String> getSectors() { return sectors; }
    public void setSectors(List<String> v) { sectors = v; }
    public BigDecimal getMaxAmount() { return maxAmount; }
    public void setMaxAmount(BigDecimal v) { maxAmount = v; }
    public String getCurrency() { return currency; }
    public void setCurrency(String v) { currency = v; }
    public String getUnits() { return units; }
    public void setUnits(String v) { units = v; }
    public boolean isPdetOnly() { return pdetOnly; }
    public void setPdetOnly(boolean v) { pdetOnly = v; }
    public String getCategories() { return categories; }
    public void setCategories(String v) { categories = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }

    FundingCalls.NewCall input() {
        return new FundingCalls.NewCall(owner, name, country, opensOn, closesOn, sectors, maxAmount, currency,
                split(units), pdetOnly, split(categories), description);
    }
}
