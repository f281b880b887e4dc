package org.minga.registry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An associative scheme: esquema asociativo territorial, mancomunidad, asociación de municipios. */
@Table("scheme")
public class Scheme {

    public enum Country { CO, SV }

    @Id
    private Long id;
    private String name;
    private String acronym;
    private Country country;
    private String figure;
    private String status;
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
        this.status = "IN_FORMATION";
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void rename(String name, String acronym) {
        this.name = name;
        this.acronym = acronym;
        this.updatedAt = Instant.now();
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("acronym", acronym);
        state.put("country", country);
        state.put("figure", figure);
        state.put("status", status);
        return state;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getAcronym() { return acronym; }
    public Country getCountry() { return country; }
    public String getStatus() { return status; }
    public String getFigure() { return figure; }
    public Integer getVersion() { return version; }
}
