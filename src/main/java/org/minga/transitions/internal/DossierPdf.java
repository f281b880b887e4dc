package org.minga.transitions.internal;

import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;

import org.minga.platform.FixedPdf;
import org.minga.transitions.Dossier;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A dossier as a PDF, in Spanish. The text is the dossier's content and its version hash, nothing
 * else; the creation and modification dates in the metadata are fixed, so they say nothing about
 * when it was generated (the distribution log says that), and the file identifier is taken from
 * the version: one version renders to the same bytes on any day.
 */
public final class DossierPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font SMALL = FontFactory.getFont(FontFactory.COURIER, 7);

    private DossierPdf() {
    }

    public static byte[] render(Dossier d, String hash) {
        var out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(d.title());
        doc.open();
        FixedPdf.undated(writer);
        doc.add(new Paragraph(d.title(), TITLE));
        for (String f : d.facts()) {
            doc.add(new Paragraph(f, BODY));
        }
        doc.add(new Paragraph("Versión (SHA-256 del contenido): " + hash, SMALL));
        for (Dossier.Section s : d.sections()) {
            Paragraph p = new Paragraph(s.title(), HEAD);
            p.setSpacingBefore(10);
            p.setSpacingAfter(4);
            doc.add(p);
            PdfPTable t = new PdfPTable(s.columns().size());
            t.setWidthPercentage(100);
            t.setWidths(widths(s));
            t.setHeaderRows(1);
            s.columns().forEach(c -> t.addCell(new PdfPCell(new Phrase(c, HEAD))));
            for (var row : s.rows()) {
                for (String c : row) {
                    PdfPCell cell = new PdfPCell(new Phrase(c == null ? "" : c, BODY));
                    if (figure(c)) {
                        // A figure is read whole: never split over two lines.
                        cell.setNoWrap(true);
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    t.addCell(cell);
                }
            }
            if (s.rows().isEmpty()) {
                PdfPCell c = new PdfPCell(new Phrase(s.empty(), BODY));
                c.setColspan(s.columns().size());
                t.addCell(c);
            }
            doc.add(t);
        }
        doc.close();
        return FixedPdf.withFileId(out.toByteArray(), hash);
    }

    private static final Pattern FIGURE = Pattern.compile("(?:[A-Z]{3} )?-?\\d[\\d.,]*(?: %)?");
    private static final float PADDING = 6;
    private static final float MAX_TEXT = 160;

    static boolean figure(String cell) {
        return cell != null && FIGURE.matcher(cell).matches();
    }

    /**
     * Relative column widths: a column of figures is as wide as its widest figure, so none wraps; a
     * column of text as wide as its longest word, and up to {@link #MAX_TEXT} points for longer text.
     */
    static float[] widths(Dossier.Section s) {
        BaseFont body = BODY.getCalculatedBaseFont(false);
        BaseFont head = HEAD.getCalculatedBaseFont(false);
        float[] w = new float[s.columns().size()];
        for (int i = 0; i < w.length; i++) {
            float figures = 0;
            float text = 0;
            float word = longestWord(head, s.columns().get(i));
            for (var row : s.rows()) {
                String c = i < row.size() && row.get(i) != null ? row.get(i) : "";
                float width = body.getWidthPoint(c, BODY.getSize());
                if (figure(c)) {
                    figures = Math.max(figures, width);
                } else {
                    text = Math.max(text, Math.min(width, MAX_TEXT));
                    word = Math.max(word, longestWord(body, c));
                }
            }
            w[i] = Math.max(Math.max(figures, Math.min(text, MAX_TEXT)), word) + PADDING;
        }
        return w;
    }

    private static float longestWord(BaseFont font, String text) {
        float max = 0;
        for (String word : text.split("\\s+")) {
            max = Math.max(max, font.getWidthPoint(word, BODY.getSize()));
        }
        return max;
    }
}
