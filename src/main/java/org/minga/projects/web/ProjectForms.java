package org.minga.projects.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Projects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The forms of the project bank's pages, as plain beans for binding. */
public final class ProjectForms {

    private ProjectForms() {
    }

    public static class NeedForm {
        private String unitCode;
        private String sector;
        private String description;
        private Integer priority = 3;
        private String origin = "COMMUNITY_WORKSHOP";

        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
        public String getSector() { return sector; }
        public void setSector(String v) { sector = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public Integer getPriority() { return priority; }
        public void setPriority(Integer v) { priority = v; }
        public String getOrigin() { return origin; }
        public void setOrigin(String v) { origin = v; }
    }

    public static class ProjectForm {
        private String code;
        private String bpin;
        private String name;
        private String sector;
        private String description;
        private String pillar;
        private BigDecimal cost;
        private String currency = "COP";
        private String location;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate plannedStart;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate plannedEnd;
        private List<String> beneficiaries = new ArrayList<>();
        private List<Long> needIds = new ArrayList<>();

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getBpin() { return bpin; }
        public void setBpin(String v) { bpin = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getSector() { return sector; }
        public void setSector(String v) { sector = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getPillar() { return pillar; }
        public void setPillar(String v) { pillar = v; }
        public BigDecimal getCost() { return cost; }
        public void setCost(BigDecimal v) { cost = v; }
        public String getCurrency() { return currency; }
        public void setCurrency(String v) { currency = v; }
        public String getLocation() { return location; }
        public void setLocation(String v) { location = v; }
        public LocalDate getPlannedStart() { return plannedStart; }
        public void setPlannedStart(LocalDate v) { plannedStart = v; }
        public LocalDate getPlannedEnd() { return plannedEnd; }
        public void setPlannedEnd(LocalDate v) { plannedEnd = v; }
        /** The member units ticked on the form, by code. */
        public List<String> getBeneficiaries() { return beneficiaries; }
        public void setBeneficiaries(List<String> v) { beneficiaries = v; }
        public List<Long> getNeedIds() { return needIds; }
        public void setNeedIds(List<Long> v) { needIds = v; }

        /** The form as an edit first shows it: the project's data, its location as GeoJSON text. */
        static ProjectForm of(Projects.Project p, Projects projects) {
            ProjectForm f = new ProjectForm();
            f.code = p.code();
            f.bpin = p.bpin();
            f.name = p.name();
            f.sector = p.sector();
            f.description = p.description();
            f.pillar = p.pillar();
            f.cost = p.cost();
            f.currency = p.currency();
            f.location = projects.locationText(p.location());
            f.plannedStart = p.plannedStart();
            f.plannedEnd = p.plannedEnd();
            return f;
        }

        Projects.Draft draft(Projects projects) {
            return new Projects.Draft(code, bpin, name, sector, description, pillar, cost, currency,
                    projects.parseLocation(location), plannedStart, plannedEnd);
        }
    }

    public static class StageForm {
        private String stage;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate on;
        private String note;

        public String getStage() { return stage; }
        public void setStage(String v) { stage = v; }
        public LocalDate getOn() { return on; }
        public void setOn(LocalDate v) { on = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
    }

    public static class FinancingForm {
        private String sourceType;
        private String entity;
        private String unitCode;
        private BigDecimal amount;
        private String currency;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate committedOn;
        private BigDecimal disbursed;

        public String getSourceType() { return sourceType; }
        public void setSourceType(String v) { sourceType = v; }
        public String getEntity() { return entity; }
        public void setEntity(String v) { entity = v; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal v) { amount = v; }
        public String getCurrency() { return currency; }
        public void setCurrency(String v) { currency = v; }
        public LocalDate getCommittedOn() { return committedOn; }
        public void setCommittedOn(LocalDate v) { committedOn = v; }
        public BigDecimal getDisbursed() { return disbursed; }
        public void setDisbursed(BigDecimal v) { disbursed = v; }

        Financing.NewLine input() {
            return new Financing.NewLine(sourceType, entity, unitCode, amount, currency, committedOn, disbursed);
        }
    }

    public static class BeneficiaryForm {
        private String unitCode;
        private Integer families;
        private Integer people;
        private Integer women;
        private Integer men;

        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
        public Integer getFamilies() { return families; }
        public void setFamilies(Integer v) { families = v; }
        public Integer getPeople() { return people; }
        public void setPeople(Integer v) { people = v; }
        public Integer getWomen() { return women; }
        public void setWomen(Integer v) { women = v; }
        public Integer getMen() { return men; }
        public void setMen(Integer v) { men = v; }
    }

    public static class ReportForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate reportedOn;
        private BigDecimal physicalPercent;
        private BigDecimal financialPercent;
        private String text;
        private MultipartFile photo;

        public LocalDate getReportedOn() { return reportedOn; }
        public void setReportedOn(LocalDate v) { reportedOn = v; }
        public BigDecimal getPhysicalPercent() { return physicalPercent; }
        public void setPhysicalPercent(BigDecimal v) { physicalPercent = v; }
        public BigDecimal getFinancialPercent() { return financialPercent; }
        public void setFinancialPercent(BigDecimal v) { financialPercent = v; }
        public String getText() { return text; }
        public void setText(String v) { text = v; }
        public MultipartFile getPhoto() { return photo; }
        public void setPhoto(MultipartFile v) { photo = v; }
    }

    public static class MilestoneForm {
        private String name;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate plannedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate actualOn;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public LocalDate getPlannedOn() { return plannedOn; }
        public void setPlannedOn(LocalDate v) { plannedOn = v; }
        public LocalDate getActualOn() { return actualOn; }
        public void setActualOn(LocalDate v) { actualOn = v; }
    }

    /** Who executes, contracts, supervises and oversees the project (all optional text). */
    public record ExecutionForm(String executor, String contractor, String supervisor, String oversight) {
    }
}
