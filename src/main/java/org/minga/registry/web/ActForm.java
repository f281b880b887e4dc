package org.minga.registry.web;

import java.time.LocalDate;

import org.minga.registry.internal.LegalActs;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The page form of a legal act; the PDF arrives as {@code document}. */
public record ActForm(String type, String number, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
        String issuer, String unitCode, String summary, MultipartFile document) {

    /** The same act with its unit as a code, once what was typed (a name or a code) is read. */
    ActForm withUnitCode(String code) {
        return new ActForm(type, number, issuedOn, issuer, code, summary, document);
    }

    LegalActs.NewAct input() {
        return new LegalActs.NewAct(type, number, issuedOn, issuer, unitCode, summary);
    }
}
