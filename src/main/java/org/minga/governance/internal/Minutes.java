package org.minga.governance.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.FileTypes;
import org.minga.platform.CountryFormat;
import org.minga.platform.FixedPdf;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of a session: a PDF generated from the session as recorded (convocation, agenda,
 * attendance by role, quorum, decisions with their votes and text), with fixed metadata dates, so the
 * same session always gives the same document; and the copies signed by the body's officers, uploaded
 * as PDFs (checked by their first bytes) into the file store. Only the PDF's file identifier, which
 * OpenPDF draws at random, differs between two renderings.
 */
@Service
public class Minutes {

    /** Signed copies are scans of a few pages; larger files are refused rather than stored. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    public record File(String name, byte[] content) {
    }

    public record SignedCopy(long id, long sessionId, String documentName, int documentSize, LocalDate uploadedOn) {
    }

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private final GovernanceDesk desk;
    private final Sessions sessions;
    private final Decisions decisions;
    private final FileStore files;

    Minutes(GovernanceDesk desk, Sessions sessions, Decisions decisions, FileStore files) {
        this.desk = desk;
        this.sessions = sessions;
        this.decisions = decisions;
        this.files = files;
    }

    /** The minutes of a held session as a PDF; the scheme's readers see attendance by role, as on the page. */
    public File generate(long schemeId, long sessionId) {
        Sessions.Session s = sessions.get(schemeId, sessionId);
        if (!s.held()) {
            throw new InvalidInputException("session", "Attendance", "governance.minutes.notHeld");
        }
        String scheme = desk.schemes().get(schemeId).getName();
        List<Sessions.Attendee> attendance = sessions.attendance(schemeId, sessionId);
        List<Decisions.Decision> adopted = decisions.ofSession(schemeId, sessionId);
        var out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        String title = "Acta de la " + Sessions.title(s).substring(0, 1).toLowerCase() + Sessions.title(s).substring(1);
        doc.addTitle(title);
        doc.open();
        FixedPdf.undated(writer);
        doc.add(new Paragraph(scheme, HEAD));
        doc.add(new Paragraph(title, TITLE));
        doc.add(new Paragraph("Lugar: " + (s.place() == null ? "virtual" : s.place())
                + (s.virtualLink() == null ? "" : " · Enlace: " + s.virtualLink()), BODY));
        doc.add(new Paragraph("Convocada el " + CountryFormat.DATE.format(s.convenedOn()) + ".", BODY));
        section(doc, "Orden del día");
        doc.add(new Paragraph(s.agenda(), BODY));
        section(doc, "Asistencia");
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String c : List.of("Puesto", "Representa", "Asistió")) {
            table.addCell(new PdfPCell(new Phrase(c, HEAD)));
        }
        for (Sessions.Attendee a : attendance) {
            table.addCell(new PdfPCell(new Phrase(Roles.spanish(a.role())
                    + (a.personName() == null ? "" : ": " + a.personName()), BODY)));
            table.addCell(new PdfPCell(new Phrase(a.unitCode() == null ? "—" : a.unitCode(), BODY)));
            table.addCell(new PdfPCell(new Phrase(a.present() ? "sí" : "no", BODY)));
        }
        doc.add(table);
        doc.add(new Paragraph("Quórum: asistieron " + s.present() + " de " + s.seatsInTerm()
                + " puestos en periodo; los estatutos exigen " + s.quorum() + ". "
                + (s.hasQuorum() ? "Hubo quórum." : "No hubo quórum: la sesión no pudo adoptar decisiones."), BODY));
        section(doc, "Decisiones");
        if (adopted.isEmpty()) {
            doc.add(new Paragraph("La sesión no adoptó decisiones.", BODY));
        }
        for (Decisions.Decision d : adopted) {
            doc.add(new Paragraph(Decisions.name(d) + ": " + d.title(), HEAD));
            doc.add(new Paragraph("Votos a favor " + d.votesFor() + ", en contra " + d.votesAgainst()
                    + ", abstenciones " + d.abstentions() + ".", BODY));
            doc.add(new Paragraph(d.text(), BODY));
        }
        section(doc, "Firmas");
        doc.add(new Paragraph("Presidencia: ______________________    Secretaría: ______________________", BODY));
        doc.close();
        return new File("acta-sesion-" + s.id() + ".pdf", FixedPdf.withContentFileId(out.toByteArray()));
    }

    @Transactional
    public SignedCopy upload(long schemeId, long sessionId, String filename, byte[] content) {
        desk.writableScheme(schemeId);
        Sessions.Session s = sessions.lock(schemeId, sessionId);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("document", "Required", "governance.minutes.document.required");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("document", "Size", "governance.minutes.document.size", MAX_BYTES / 1024 / 1024);
        }
        if (!FileTypes.isPdf(content)) {
            throw new InvalidInputException("document", "Pdf", "governance.minutes.document.pdf");
        }
        String name = filename == null || filename.isBlank() ? "acta-firmada.pdf"
                : filename.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        UUID document = files.put(name, "application/pdf", content);
        LocalDate today = desk.zones().today(desk.schemes().get(schemeId).getCountry().name());
        long id = desk.jdbc().sql("""
                insert into governance_signed_minutes (session_id, document_id, document_name, document_size, uploaded_on)
                values (:s, :d, :n, :size, :on) returning id""").param("s", sessionId).param("d", document)
                .param("n", name).param("size", content.length).param("on", java.sql.Date.valueOf(today))
                .query(Long.class).single();
        SignedCopy copy = new SignedCopy(id, sessionId, name, content.length, today);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sessionId", sessionId);
        state.put("documentName", name);
        state.put("documentSize", content.length);
        desk.audit().record(Change.created("governance_signed_minutes", id, schemeId,
                "Acta firmada de " + Sessions.title(s), state));
        return copy;
    }

    public List<SignedCopy> signedCopies(long schemeId, long sessionId) {
        sessions.get(schemeId, sessionId);
        return desk.jdbc().sql("""
                select id, session_id, document_name, document_size, uploaded_on from governance_signed_minutes
                where session_id = :s order by id""").param("s", sessionId).query(SignedCopy.class).list();
    }

    public File signedCopy(long schemeId, long sessionId, long copyId) {
        sessions.get(schemeId, sessionId);
        record Ref(UUID id, String name) {
        }
        Ref ref = desk.jdbc().sql("""
                select document_id as id, document_name as name from governance_signed_minutes
                where session_id = :s and id = :id""").param("s", sessionId).param("id", copyId).query(Ref.class)
                .optional().orElseThrow(() -> new NotFoundException("acta firmada", copyId));
        return new File(ref.name(), files.content(ref.id()));
    }

    private static void section(Document doc, String title) {
        Paragraph p = new Paragraph(title, HEAD);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }
}
