package org.minga.services.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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

/** A landfill invoice as a PDF, in Spanish: one line per tariff in effect during the month. */
public final class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private InvoicePdf() {
    }

    public static String money(BigDecimal amount, String currency) {
        return currency + " " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-CO")))
                .format(amount);
    }

    static String tonnes(BigDecimal t) {
        return new DecimalFormat("#,##0.000", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-CO"))).format(t) + " t";
    }

    public static byte[] render(String schemeName, String lineName, Landfill.Invoice invoice) {
        var out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Factura " + invoice.number());
        doc.open();
        doc.add(new Paragraph("Factura " + invoice.number(), TITLE));
        doc.add(new Paragraph(schemeName + " · " + lineName, BODY));
        doc.add(new Paragraph("Cliente: " + invoice.clientName() + " (" + invoice.clientCode() + ")", BODY));
        doc.add(new Paragraph("Mes: " + invoice.month(), BODY));
        Paragraph gap = new Paragraph(" ", BODY);
        doc.add(gap);
        PdfPTable t = new PdfPTable(6);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : new String[] {"Tarifa vigente desde", "Días", "Boletas", "Toneladas", "Precio por tonelada", "Valor"}) {
            t.addCell(new PdfPCell(new Phrase(h, HEAD)));
        }
        for (var l : invoice.lines()) {
            cell(t, l.validFrom().toString(), false);
            cell(t, l.firstDay() + " a " + l.lastDay(), false);
            cell(t, String.valueOf(l.tickets()), true);
            cell(t, tonnes(l.tonnes()), true);
            cell(t, money(l.price(), invoice.currency()), true);
            cell(t, money(l.amount(), invoice.currency()), true);
        }
        PdfPCell label = new PdfPCell(new Phrase("Total", HEAD));
        label.setColspan(3);
        t.addCell(label);
        cell(t, tonnes(invoice.tonnes()), true);
        cell(t, "", false);
        PdfPCell total = new PdfPCell(new Phrase(money(invoice.total(), invoice.currency()), HEAD));
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
