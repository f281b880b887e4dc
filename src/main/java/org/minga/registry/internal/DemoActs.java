package org.minga.registry.internal;

import static org.minga.registry.DemoSchemesRegistered.INVENTED;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.minga.registry.DemoSchemesRegistered;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's legal act: Asomunicipios' constitution act as a PDF, so the public profile shows an act
 * with its document (issue 17). The sources date the founding (January 1993), not the act's number
 * or text: both are invented and the PDF says so. Recorded once, through {@link LegalActs} as a person would.
 */
@Component
record DemoActs(LegalActs acts, Desk desk, TransactionTemplate tx) {

    @EventListener
    @Order(5)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (desk.jdbc().sql("select count(*) > 0 from legal_act where scheme_id = :s").param("s", scheme)
                .query(Boolean.class).single()) {
            return;
        }
        byte[] pdf = pdf();
        tx.executeWithoutResult(status -> acts.record(scheme, new LegalActs.NewAct("CONSTITUTION_ACT", "001",
                LocalDate.of(1993, 1, 1), "Asamblea de alcaldes fundadores", null, INVENTED + ": número y texto."),
                new PdfDocuments.Upload("acta-constitucion-asomunicipios.pdf", pdf.length, new ByteArrayResource(pdf))));
    }

    private static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        doc.add(new Paragraph("Acta de constitución 001 de 1993", title));
        doc.add(new Paragraph("Asociación de Municipios del Catatumbo, Provincia de Ocaña y Sur del Cesar", body));
        doc.add(new Paragraph(INVENTED + ". La fecha de fundación (enero de 1993, al amparo del Decreto 1333 de "
                + "1986) viene de la fuente; el número y este texto son ilustrativos.", body));
        doc.close();
        return out.toByteArray();
    }
}
