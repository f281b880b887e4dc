package org.minga.transitions.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the transitions pages; each is bound, then handed to the service as it is. */
final class TransitionsForms {

    private TransitionsForms() {
    }

    public static class MayorForm {
        private String unitCode;
        private String name;
        private String party;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate on;

        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getParty() { return party; }
        public void setParty(String party) { this.party = party; }
        public LocalDate getOn() { return on; }
        public void setOn(LocalDate on) { this.on = on; }
    }

    public static class ElectionForm {
        private String name;
        private String unitCode;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate heldOn;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public LocalDate getHeldOn() { return heldOn; }
        public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
    }

    public static class CandidateForm {
        private String name;
        private String party;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getParty() { return party; }
        public void setParty(String party) { this.party = party; }
    }

    public static class HandoverForm {
        private String unitCode;
        private String recipient;

        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
        public String getRecipient() { return recipient; }
        public void setRecipient(String recipient) { this.recipient = recipient; }
    }

}
