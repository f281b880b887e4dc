package org.minga.registry.web;

import org.minga.registry.Scheme;

public class SchemeForm {

    private String name;
    private String acronym;
    private Scheme.Country country;
    private String figure;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getAcronym() { return acronym; }
    public void setAcronym(String v) { acronym = v; }
    public Scheme.Country getCountry() { return country; }
    public void setCountry(Scheme.Country v) { country = v; }
    public String getFigure() { return figure; }
    public void setFigure(String v) { figure = v; }
}
