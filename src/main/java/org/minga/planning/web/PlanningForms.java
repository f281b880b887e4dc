package org.minga.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the planning pages; each is bound, then handed to the service as it is. */
final class PlanningForms {

    private PlanningForms() {
    }

    public static class VisionForm {
        private String name;
        private String statement;
        private Integer horizonYear;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getStatement() { return statement; }
        public void setStatement(String statement) { this.statement = statement; }
        public Integer getHorizonYear() { return horizonYear; }
        public void setHorizonYear(Integer horizonYear) { this.horizonYear = horizonYear; }
    }

    public static class PillarForm {
        private String name;
        private String bets;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getBets() { return bets; }
        public void setBets(String bets) { this.bets = bets; }
    }

    public static class WorkPlanForm {
        private String name;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate endsOn;
        private String objectives;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public LocalDate getEndsOn() { return endsOn; }
        public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
        public String getObjectives() { return objectives; }
        public void setObjectives(String objectives) { this.objectives = objectives; }
    }

    public static class GoalForm {
        private Long workPlanId;
        private Long pillarId;
        private String name;
        private String indicator;
        private String unit;
        private BigDecimal baseline;
        private BigDecimal target;
        private String periodicity = "QUARTERLY";
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate dueOn;
        private String source;
        private String responsible;

        public Long getWorkPlanId() { return workPlanId; }
        public void setWorkPlanId(Long workPlanId) { this.workPlanId = workPlanId; }
        public Long getPillarId() { return pillarId; }
        public void setPillarId(Long pillarId) { this.pillarId = pillarId; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getIndicator() { return indicator; }
        public void setIndicator(String indicator) { this.indicator = indicator; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public BigDecimal getBaseline() { return baseline; }
        public void setBaseline(BigDecimal baseline) { this.baseline = baseline; }
        public BigDecimal getTarget() { return target; }
        public void setTarget(BigDecimal target) { this.target = target; }
        public String getPeriodicity() { return periodicity; }
        public void setPeriodicity(String periodicity) { this.periodicity = periodicity; }
        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
        public String getSource() { return source; }
        public void setSource(String source) { this.source = source; }
        public String getResponsible() { return responsible; }
        public void setResponsible(String responsible) { this.responsible = responsible; }
    }

    public static class MeasurementForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate measuredOn;
        private BigDecimal value;
        private String note;

        public LocalDate getMeasuredOn() { return measuredOn; }
        public void setMeasuredOn(LocalDate measuredOn) { this.measuredOn = measuredOn; }
        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal value) { this.value = value; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class LinkForm {
        private String kind = "PROJECT";
        private String reference;
        private String unitCode;
        private Long projectId;

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public Long getProjectId() { return projectId; }
        public void setProjectId(Long projectId) { this.projectId = projectId; }
    }

}
