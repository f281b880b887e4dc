package org.minga.registry.web;

/** The page form of a new governing body. */
public class BodyForm {

    private String kind;
    private String name;

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
}
