package org.minga.evaluation.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the evaluation pages; each is bound, then handed to the service as it is. */
final class EvaluationForms {

    private EvaluationForms() {
    }

    public static class CampaignForm {
        private String name;
        private String template = "RINDE";
        private Boolean anonymous = true;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate opensOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate closesOn;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getTemplate() { return template; }
        public void setTemplate(String template) { this.template = template; }
        public Boolean getAnonymous() { return anonymous; }
        public void setAnonymous(Boolean anonymous) { this.anonymous = anonymous; }
        public LocalDate getOpensOn() { return opensOn; }
        public void setOpensOn(LocalDate opensOn) { this.opensOn = opensOn; }
        public LocalDate getClosesOn() { return closesOn; }
        public void setClosesOn(LocalDate closesOn) { this.closesOn = closesOn; }
    }

    public static class ActionForm {
        private String dimension;
        private String description;
        private String responsible;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate dueOn;

        public String getDimension() { return dimension; }
        public void setDimension(String dimension) { this.dimension = dimension; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getResponsible() { return responsible; }
        public void setResponsible(String responsible) { this.responsible = responsible; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
    }

}
