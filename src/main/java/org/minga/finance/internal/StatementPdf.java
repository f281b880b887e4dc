package org.minga.finance.internal;

import java.io.ByteArrayOutputStream;

import org.minga.finance.Contributions;
import org.minga.platform.CountryFormat;
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

/** A member's statement of contributions as a PDF, in Spanish. */
public final class StatementPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private StatementPdf() {
    }

    /** The statement in Spanish, its dates dd/mm/aaaa and its amounts as the scheme's country writes them. */
    public static byte[] render(Contributions.Statement s, CountryFormat f) {
        var out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Estado de cuenta de aportes " + s.name());
        doc.open();
        doc.add(new Paragraph("Estado de cuenta de aportes", TITLE));
        doc.add(new Paragraph(s.schemeName(), BODY));
        doc.add(new Paragraph("Miembro: " + s.name() + " (" + s.unitCode() + ")", BODY));
        doc.add(new Paragraph("Fecha de corte: " + f.date(s.at()), BODY));

        section(doc, "Obligaciones");
        PdfPTable o = table(new String[] {"Regla", "Periodo", "Vence", "Valor", "Pagado", "Pendiente"});
        for (var x : s.obligations()) {
            row(o, x.ruleName(), f.date(x.periodStart()) + " a " + f.date(x.periodEnd()), f.date(x.dueOn()),
                    f.money(x.amount(), x.currency()), f.money(x.paid(), x.currency()), f.money(x.open(), x.currency()));
        }
        empty(o, s.obligations().isEmpty(), "Sin obligaciones a la fecha.");
        doc.add(o);

        section(doc, "Pagos");
        PdfPTable p = table(new String[] {"Fecha", "Tipo", "Referencia", "Valor", "Aplicado"});
        for (var x : s.payments()) {
            row(p, f.date(x.paidOn()), "IN_KIND".equals(x.kind()) ? "En especie" : "Dinero",
                    x.reference() != null ? x.reference() : (x.description() != null ? x.description() : "—"),
                    f.money(x.amount(), x.currency()), f.money(x.applied(), x.currency()));
        }
        empty(p, s.payments().isEmpty(), "Sin pagos a la fecha.");
        doc.add(p);

        section(doc, "Saldo");
        PdfPTable b = table(new String[] {"Moneda", "Causado", "Pagado", "Saldo"});
        for (var x : s.balances()) {
            row(b, x.currency(), f.money(x.due(), x.currency()), f.money(x.paid(), x.currency()),
                    f.money(x.balance(), x.currency()) + (x.balance().signum() < 0 ? " a favor" : ""));
        }
        empty(b, s.balances().isEmpty(), "Sin movimientos.");
        doc.add(b);

        section(doc, "Cartera vencida por edad");
        PdfPTable a = table(new String[] {"Moneda", "1 a 30 días", "31 a 90 días", "Más de 90 días", "Total vencido"});
        for (var x : s.arrears()) {
            row(a, x.currency(), f.money(x.upTo30(), x.currency()), f.money(x.from31To90(), x.currency()),
                    f.money(x.over90(), x.currency()), f.money(x.total(), x.currency()));
        }
        empty(a, s.arrears().isEmpty(), "Al día: sin cartera vencida.");
        doc.add(a);
        doc.close();
        return out.toByteArray();
    }

    private static void section(Document doc, String title) {
        Paragraph p = new Paragraph(title, HEAD);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable table(String[] heads) {
        PdfPTable t = new PdfPTable(heads.length);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : heads) {
            t.addCell(new PdfPCell(new Phrase(h, HEAD)));
        }
        return t;
    }

    private static void row(PdfPTable t, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell c = new PdfPCell(new Phrase(cells[i], BODY));
            if (i >= cells.length - 3 && cells[i].matches("^[A-Z]{3} .*")) {
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            t.addCell(c);
        }
    }

    private static void empty(PdfPTable t, boolean empty, String text) {
        if (empty) {
            PdfPCell c = new PdfPCell(new Phrase(text, BODY));
            c.setColspan(t.getNumberOfColumns());
            t.addCell(c);
        }
    }
}
