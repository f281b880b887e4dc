package org.minga.services.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.minga.platform.CountryFormat;
import org.minga.platform.Zones;
import org.minga.services.Landfill;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A landfill invoice, supplementary invoice or credit note as a PDF, in Spanish: one line per tariff
 * in effect during the month, numbers as the client's country writes them.
 */
public final class InvoicePdf {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/uuuu");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private InvoicePdf() {
    }

    /** The document's title: an invoice, a supplementary invoice or a credit note, and its number. */
    static String title(Landfill.Invoice invoice) {
        return switch (invoice.kind()) {
            case INVOICE -> "Factura ";
            case SUPPLEMENT -> "Factura complementaria ";
            case CREDIT_NOTE -> "Nota crédito ";
        } + invoice.number();
    }

    public static byte[] render(String schemeName, String lineName, Landfill.Invoice invoice) {
        CountryFormat f = CountryFormat.of(invoice.country());
        var out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(title(invoice));
        doc.open();
        doc.add(new Paragraph(title(invoice), TITLE));
        if (invoice.voidedAt() != null) {
            doc.add(new Paragraph("ANULADA el " + f.date(LocalDate.ofInstant(invoice.voidedAt(), Zones.country(invoice.country()))) + ": " + invoice.voidReason(), TITLE));
        }
        doc.add(new Paragraph(schemeName + " · " + lineName, BODY));
        doc.add(new Paragraph("Cliente: " + invoice.clientName() + " (" + invoice.clientCode() + ")", BODY));
        doc.add(new Paragraph("Mes: " + MONTH.format(invoice.month()), BODY));
        if (invoice.kind() != Landfill.Kind.INVOICE) {
            doc.add(new Paragraph("Ajuste de lo ya facturado del mes por boletas registradas, corregidas o anuladas después: "
                    + "toneladas y valores son las diferencias.", BODY));
        }
        Paragraph gap = new Paragraph(" ", BODY);
        doc.add(gap);
        PdfPTable t = new PdfPTable(6);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : new String[] {"Tarifa vigente desde", "Días", "Boletas", "Toneladas", "Precio por tonelada", "Valor"}) {
            t.addCell(new PdfPCell(new Phrase(h, HEAD)));
        }
        for (var l : invoice.lines()) {
            cell(t, f.date(l.validFrom()), false);
            cell(t, f.date(l.firstDay()) + " a " + f.date(l.lastDay()), false);
            cell(t, String.valueOf(l.tickets()), true);
            cell(t, f.number(l.tonnes(), 3) + " t", true);
            cell(t, f.money(l.price(), invoice.currency()), true);
            cell(t, f.money(l.amount(), invoice.currency()), true);
        }
        PdfPCell label = new PdfPCell(new Phrase("Total", HEAD));
        label.setColspan(3);
        t.addCell(label);
        cell(t, f.number(invoice.tonnes(), 3) + " t", true);
        cell(t, "", false);
        PdfPCell total = new PdfPCell(new Phrase(f.money(invoice.total(), invoice.currency()), HEAD));
        total.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(total);
        doc.add(t);
        doc.add(new Paragraph("Las cargas rechazadas se registran con su motivo y no se facturan.", BODY));
        doc.close();
        return out.toByteArray();
    }

    private static void cell(PdfPTable t, String text, boolean right) {
        PdfPCell c = new PdfPCell(new Phrase(text, BODY));
        if (right) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        t.addCell(c);
    }
}
