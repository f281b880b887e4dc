package org.minga.registry.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The page form of a seat in one of the scheme's bodies. */
public class SeatForm {

    private Long bodyId;
    private String personName;
    private String role;
    private String unitCode;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate termStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate termEnd;

    public Long getBodyId() { return bodyId; }
    public void setBodyId(Long v) { bodyId = v; }
    public String getPersonName() { return personName; }
    public void setPersonName(String v) { personName = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
    public LocalDate getTermStart() { return termStart; }
    public void setTermStart(LocalDate v) { termStart = v; }
    public LocalDate getTermEnd() { return termEnd; }
    public void setTermEnd(LocalDate v) { termEnd = v; }
}
