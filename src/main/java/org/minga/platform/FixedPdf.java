package org.minga.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A PDF that says nothing of when it was rendered, so the same content is the same bytes on any
 * day: OpenPDF stamps the clock into the information dictionary and draws the trailer's file
 * identifier from it. Dossiers and minutes are compared, versioned and archived by their bytes.
 */
public final class FixedPdf {

    private static final Pattern FILE_ID = Pattern.compile("/ID \\[<([0-9a-f]{32})><([0-9a-f]{32})>\\]");
    private static final String BLANK_ID = "0".repeat(32);

    private FixedPdf() {
    }

    /** The creation and modification dates fixed at 1970-01-01; call after the document is opened. */
    public static void undated(PdfWriter writer) {
        Calendar epoch = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        epoch.setTimeInMillis(0);
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(epoch));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(epoch));
    }

    /**
     * The file identifier replaced by the first 32 hex digits of {@code hash}: same length, so every
     * offset in the cross-reference table holds.
     */
    public static byte[] withFileId(byte[] pdf, String hash) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = FILE_ID.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("PDF sin identificador de archivo");
        }
        String id = hash.substring(0, 32);
        return (text.substring(0, m.start()) + "/ID [<" + id + "><" + id + ">]" + text.substring(m.end()))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The file identifier drawn from the document itself (its SHA-256 with the identifier blank). */
    public static byte[] withContentFileId(byte[] pdf) {
        try {
            byte[] blank = withFileId(pdf, BLANK_ID);
            return withFileId(pdf, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blank)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
