package org.minga.knowledge.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the knowledge pages; each is bound, then handed to the service as it is. */
final class KnowledgeForms {

    private KnowledgeForms() {
    }

    public static class ItemForm {
        private Long schemeId;
        private String kind = "EXPERIENCE";
        private String title;
        private String context;
        private String whatWasDone;
        private String successes;
        private String failures;
        private String lessons;
        private String pendingQuestions;
        private String voices;
        private String body;
        private Integer integrality;
        private Integer impact;
        private Integer sustainability;
        private Integer replicability;
        private String documentType;
        private String audience;
        private String deliveredTo;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate deliveredOn;
        private java.util.List<Integer> factors;
        private java.util.List<Integer> areas;

        public Long getSchemeId() { return schemeId; }
        public void setSchemeId(Long schemeId) { this.schemeId = schemeId; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getContext() { return context; }
        public void setContext(String context) { this.context = context; }
        public String getWhatWasDone() { return whatWasDone; }
        public void setWhatWasDone(String whatWasDone) { this.whatWasDone = whatWasDone; }
        public String getSuccesses() { return successes; }
        public void setSuccesses(String successes) { this.successes = successes; }
        public String getFailures() { return failures; }
        public void setFailures(String failures) { this.failures = failures; }
        public String getLessons() { return lessons; }
        public void setLessons(String lessons) { this.lessons = lessons; }
        public String getPendingQuestions() { return pendingQuestions; }
        public void setPendingQuestions(String pendingQuestions) { this.pendingQuestions = pendingQuestions; }
        public String getVoices() { return voices; }
        public void setVoices(String voices) { this.voices = voices; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public Integer getIntegrality() { return integrality; }
        public void setIntegrality(Integer integrality) { this.integrality = integrality; }
        public Integer getImpact() { return impact; }
        public void setImpact(Integer impact) { this.impact = impact; }
        public Integer getSustainability() { return sustainability; }
        public void setSustainability(Integer sustainability) { this.sustainability = sustainability; }
        public Integer getReplicability() { return replicability; }
        public void setReplicability(Integer replicability) { this.replicability = replicability; }
        public String getDocumentType() { return documentType; }
        public void setDocumentType(String documentType) { this.documentType = documentType; }
        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public String getDeliveredTo() { return deliveredTo; }
        public void setDeliveredTo(String deliveredTo) { this.deliveredTo = deliveredTo; }
        public LocalDate getDeliveredOn() { return deliveredOn; }
        public void setDeliveredOn(LocalDate deliveredOn) { this.deliveredOn = deliveredOn; }
        public java.util.List<Integer> getFactors() { return factors; }
        public void setFactors(java.util.List<Integer> factors) { this.factors = factors; }
        public java.util.List<Integer> getAreas() { return areas; }
        public void setAreas(java.util.List<Integer> areas) { this.areas = areas; }
    }

}
