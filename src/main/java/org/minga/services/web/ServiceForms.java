package org.minga.services.web;

/** The forms of the services pages; each is bound, then handed to the service as it is. */
final class ServiceForms {

    private ServiceForms() {
    }

    public static class LineForm {
        private String type = "LAND_USE_PERMITS";
        private String name;
        private String currency = "USD";

        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getCurrency() { return currency; }
        public void setCurrency(String v) { currency = v; }
    }

    public static class CaseForm {
        private Long caseTypeId;
        private String applicantName;
        private String applicantDocument;
        private String applicantContact;
        private String unitCode;
        private String subject;

        public Long getCaseTypeId() { return caseTypeId; }
        public void setCaseTypeId(Long v) { caseTypeId = v; }
        public String getApplicantName() { return applicantName; }
        public void setApplicantName(String v) { applicantName = v; }
        public String getApplicantDocument() { return applicantDocument; }
        public void setApplicantDocument(String v) { applicantDocument = v; }
        public String getApplicantContact() { return applicantContact; }
        public void setApplicantContact(String v) { applicantContact = v; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
        public String getSubject() { return subject; }
        public void setSubject(String v) { subject = v; }
    }

    public static class TransitionForm {
        private String state;
        private String observation;

        public String getState() { return state; }
        public void setState(String v) { state = v; }
        public String getObservation() { return observation; }
        public void setObservation(String v) { observation = v; }
    }

    public static class CheckForm {
        private String code;
        private Boolean passed;
        private String note;

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public Boolean getPassed() { return passed; }
        public void setPassed(Boolean v) { passed = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
    }

    public static class CommentForm {
        private String text;

        public String getText() { return text; }
        public void setText(String v) { text = v; }
    }
}
