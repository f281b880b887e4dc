package org.minga.registry.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The page form of a legal act; the PDF arrives as {@code document}. */
public class ActForm {

    private String type;
    private String number;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate issuedOn;
    private String issuer;
    private String unitCode;
    private String summary;
    private MultipartFile document;

    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public void setIssuedOn(LocalDate v) { issuedOn = v; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String v) { issuer = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public MultipartFile getDocument() { return document; }
    public void setDocument(MultipartFile v) { document = v; }
}
