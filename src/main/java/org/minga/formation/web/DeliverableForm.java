package org.minga.formation.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The state of one deliverable, as the page's form sends it. */
public class DeliverableForm {

    private String status;
    private String notes;
    private String evidence;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate doneOn;

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public LocalDate getDoneOn() { return doneOn; }
    public void setDoneOn(LocalDate doneOn) { this.doneOn = doneOn; }
}
