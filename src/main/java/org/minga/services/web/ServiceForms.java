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

    public static class ClientForm {
        private String code;
        private String name;
        private String kind = "MEMBER";
        private String unitCode;

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
    }

    public static class TariffForm {
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private java.time.LocalDate validFrom;
        private java.math.BigDecimal amount;
        private String unit = "TONNE";

        public java.time.LocalDate getValidFrom() { return validFrom; }
        public void setValidFrom(java.time.LocalDate v) { validFrom = v; }
        public java.math.BigDecimal getAmount() { return amount; }
        public void setAmount(java.math.BigDecimal v) { amount = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
    }

    public static class BillingForm {
        private String month;

        public String getMonth() { return month; }
        public void setMonth(String v) { month = v; }
    }

    public static class PoolForm {
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private java.time.LocalDate periodFrom;
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private java.time.LocalDate periodTo;
        private java.math.BigDecimal amount;
        private String driver = "TONNES";
        private String description;
        private String weights;

        /** "code=weight" pairs separated by commas or new lines. */
        java.util.Map<String, java.math.BigDecimal> weightMap() {
            java.util.Map<String, java.math.BigDecimal> m = new java.util.LinkedHashMap<>();
            if (weights != null) {
                for (String pair : weights.split("[,;\\n]+")) {
                    String[] kv = pair.split("=");
                    if (kv.length == 2) {
                        try {
                            m.put(kv[0].strip(), new java.math.BigDecimal(kv[1].strip()));
                        } catch (NumberFormatException e) {
                            m.put(kv[0].strip(), null);
                        }
                    }
                }
            }
            return m;
        }

        public java.time.LocalDate getPeriodFrom() { return periodFrom; }
        public void setPeriodFrom(java.time.LocalDate v) { periodFrom = v; }
        public java.time.LocalDate getPeriodTo() { return periodTo; }
        public void setPeriodTo(java.time.LocalDate v) { periodTo = v; }
        public java.math.BigDecimal getAmount() { return amount; }
        public void setAmount(java.math.BigDecimal v) { amount = v; }
        public String getDriver() { return driver; }
        public void setDriver(String v) { driver = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getWeights() { return weights; }
        public void setWeights(String v) { weights = v; }
    }

    public static class FirmForm {
        private String name;
        private String sector;
        private String ownerSex = "F";
        private String ownerAgeGroup = "FROM_30_TO_59";
        private boolean rural;
        private boolean associative;
        private String unitCode;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getSector() { return sector; }
        public void setSector(String v) { sector = v; }
        public String getOwnerSex() { return ownerSex; }
        public void setOwnerSex(String v) { ownerSex = v; }
        public String getOwnerAgeGroup() { return ownerAgeGroup; }
        public void setOwnerAgeGroup(String v) { ownerAgeGroup = v; }
        public boolean isRural() { return rural; }
        public void setRural(boolean v) { rural = v; }
        public boolean isAssociative() { return associative; }
        public void setAssociative(boolean v) { associative = v; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
    }
}
