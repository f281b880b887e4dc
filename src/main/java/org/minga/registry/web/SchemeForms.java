package org.minga.registry.web;

import java.util.Arrays;
import java.util.List;

import org.minga.platform.Inputs;
import org.minga.registry.internal.SchemeDirectoryEntries;

import java.time.LocalDate;

import org.minga.registry.Scheme;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of a scheme's page, each bound on its own so an error stays beside its own fields. */
final class SchemeForms {

    private SchemeForms() {
    }

    public static class Profile {
        private String name;
        private String acronym;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate foundedOn;
        private String legalPersonality;
        private String seatUnitCode;
        private String seatAddress;
        private String purposes;
        /** One strategic line per line of text. */
        private String strategicLines;
        /** One contact per line: name; role; e-mail; phone. */
        private String contacts;

        /** Written after a contact's phone to make it the institution's public channel. */
        static final String PUBLIC_MARK = "público";

        List<String> strategicLineList() {
            return lines(strategicLines);
        }

        /** "name; role; e-mail; phone[; público]", one contact per line; missing parts stay empty. */
        List<SchemeDirectoryEntries.Contact> contactList() {
            return lines(contacts).stream().map(l -> Arrays.copyOf(l.split(";", 5), 5))
                    .map(p -> new SchemeDirectoryEntries.Contact(Inputs.text(p[0]), Inputs.text(p[1]),
                            Inputs.text(p[2]), Inputs.text(p[3]), isPublicMark(p[4])))
                    .toList();
        }

        Scheme.Profile profile() {
            return new Scheme.Profile(foundedOn, legalPersonality, seatUnitCode, seatAddress, purposes);
        }

        private static boolean isPublicMark(String s) {
            String v = Inputs.text(s);
            return v != null && (v.equalsIgnoreCase(PUBLIC_MARK) || v.equalsIgnoreCase("publico")
                    || v.equalsIgnoreCase("public"));
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getAcronym() { return acronym; }
        public void setAcronym(String v) { acronym = v; }
        public LocalDate getFoundedOn() { return foundedOn; }
        public void setFoundedOn(LocalDate v) { foundedOn = v; }
        public String getLegalPersonality() { return legalPersonality; }
        public void setLegalPersonality(String v) { legalPersonality = v; }
        public String getSeatUnitCode() { return seatUnitCode; }
        public void setSeatUnitCode(String v) { seatUnitCode = v; }
        public String getSeatAddress() { return seatAddress; }
        public void setSeatAddress(String v) { seatAddress = v; }
        public String getPurposes() { return purposes; }
        public void setPurposes(String v) { purposes = v; }
        public String getStrategicLines() { return strategicLines; }
        public void setStrategicLines(String v) { strategicLines = v; }
        public String getContacts() { return contacts; }
        public void setContacts(String v) { contacts = v; }
    }

    public static class Member {
        private String unitCode;
        private String role = "MEMBER";
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate joinedOn;
        private String authorisingAct;
        private String delegate;
        private Integer seats = 1;

        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
        public String getRole() { return role; }
        public void setRole(String v) { role = v; }
        public LocalDate getJoinedOn() { return joinedOn; }
        public void setJoinedOn(LocalDate v) { joinedOn = v; }
        public String getAuthorisingAct() { return authorisingAct; }
        public void setAuthorisingAct(String v) { authorisingAct = v; }
        public String getDelegate() { return delegate; }
        public void setDelegate(String v) { delegate = v; }
        public Integer getSeats() { return seats; }
        public void setSeats(Integer v) { seats = v; }
    }

    public static class Status {
        private Scheme.Status status;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate on;
        private String note;

        public Scheme.Status getStatus() { return status; }
        public void setStatus(Scheme.Status v) { status = v; }
        public LocalDate getOn() { return on; }
        public void setOn(LocalDate v) { on = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
    }

    public static class Competence {
        private String competence;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate addedOn;
        private String act;

        public String getCompetence() { return competence; }
        public void setCompetence(String v) { competence = v; }
        public LocalDate getAddedOn() { return addedOn; }
        public void setAddedOn(LocalDate v) { addedOn = v; }
        public String getAct() { return act; }
        public void setAct(String v) { act = v; }
    }
}
