package org.minga.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An associative scheme: esquema asociativo territorial, mancomunidad, asociación de municipios. */
@Table("scheme")
public class Scheme {

    public enum Country { CO, SV }

    /** The life of a scheme and the steps it may take; a liquidated scheme stays in the register. */
    public enum Status {
        IN_FORMATION, CONSTITUTED, ACTIVE, INACTIVE, IN_LIQUIDATION, LIQUIDATED;

        /** The Spanish name used in the event log (pages use the message bundle). */
        public static String label(Status status) {
            return switch (status) {
                case IN_FORMATION -> "en conformación";
                case CONSTITUTED -> "constituido";
                case ACTIVE -> "activo";
                case INACTIVE -> "inactivo";
                case IN_LIQUIDATION -> "en liquidación";
                case LIQUIDATED -> "liquidado";
            };
        }

        public Set<Status> next() {
            return switch (this) {
                case IN_FORMATION -> EnumSet.of(CONSTITUTED);
                case CONSTITUTED -> EnumSet.of(ACTIVE, IN_LIQUIDATION);
                case ACTIVE -> EnumSet.of(INACTIVE, IN_LIQUIDATION);
                case INACTIVE -> EnumSet.of(ACTIVE, IN_LIQUIDATION);
                case IN_LIQUIDATION -> EnumSet.of(LIQUIDATED);
                case LIQUIDATED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    /** What a scheme says about itself: founding, legal personality, seat and purposes. */
    public record Profile(LocalDate foundedOn, String legalPersonality, String seatUnitCode, String seatAddress,
            String purposes) {
    }

    @Id
    private Long id;
    private String name;
    private String acronym;
    private Country country;
    private String figure;
    private Status status;
    private LocalDate statusSince;
    private LocalDate foundedOn;
    private String legalPersonality;
    private String seatUnitCode;
    private String seatAddress;
    private String purposes;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    protected Scheme() {
    }

    Scheme(String name, String acronym, Country country, String figure) {
        this.name = name;
        this.acronym = acronym;
        this.country = country;
        this.figure = figure;
        this.status = Status.IN_FORMATION;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void rename(String name, String acronym) {
        this.name = name;
        this.acronym = acronym;
        this.updatedAt = Instant.now();
    }

    void describe(Profile profile) {
        this.foundedOn = profile.foundedOn();
        this.legalPersonality = profile.legalPersonality();
        this.seatUnitCode = profile.seatUnitCode();
        this.seatAddress = profile.seatAddress();
        this.purposes = profile.purposes();
        this.updatedAt = Instant.now();
    }

    void moveTo(Status next, LocalDate on) {
        this.status = next;
        this.statusSince = on;
        this.updatedAt = Instant.now();
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("acronym", acronym);
        state.put("country", country);
        state.put("figure", figure);
        state.put("status", status);
        state.put("statusSince", statusSince);
        state.put("foundedOn", foundedOn);
        state.put("legalPersonality", legalPersonality);
        state.put("seatUnitCode", seatUnitCode);
        state.put("seatAddress", seatAddress);
        state.put("purposes", purposes);
        return state;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getAcronym() { return acronym; }
    public Country getCountry() { return country; }
    public Status getStatus() { return status; }
    public LocalDate getStatusSince() { return statusSince; }
    public Profile getProfile() { return new Profile(foundedOn, legalPersonality, seatUnitCode, seatAddress, purposes); }
    public String getFigure() { return figure; }
    public Integer getVersion() { return version; }
}
