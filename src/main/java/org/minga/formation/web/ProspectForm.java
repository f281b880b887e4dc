package org.minga.formation.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A prospective member and its council's authorisation, as the page's forms send them. */
public class ProspectForm {

    private String unitCode;
    private String authorisation = "PENDING";
    private String actNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate actDate;

    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public String getAuthorisation() { return authorisation; }
    public void setAuthorisation(String authorisation) { this.authorisation = authorisation; }
    public String getActNumber() { return actNumber; }
    public void setActNumber(String actNumber) { this.actNumber = actNumber; }
    public LocalDate getActDate() { return actDate; }
    public void setActDate(LocalDate actDate) { this.actDate = actDate; }
}
