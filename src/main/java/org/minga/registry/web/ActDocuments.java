package org.minga.registry.web;

import java.nio.charset.StandardCharsets;

import org.minga.registry.internal.LegalActs;
import org.minga.registry.internal.PdfDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The web side of an act's PDF, shared by the page and the API: in from a multipart file, out inline. */
final class ActDocuments {

    private ActDocuments() {
    }

    /** A browser sends an empty part when no file was chosen; that is no document at all. */
    static PdfDocuments.Upload upload(MultipartFile file) {
        return file == null || file.isEmpty() ? null
                : new PdfDocuments.Upload(file.getOriginalFilename(), file.getSize(), file);
    }

    static ResponseEntity<byte[]> inline(LegalActs.Document document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(document.name(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }
}
