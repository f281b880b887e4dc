package org.minga.registry.internal;

import org.minga.platform.Zones;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.Scheme;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal acts of a scheme, each with the PDF that proves it. Recording one also writes the
 * scheme's dated event log (a statutes reform is its own kind of event) and the audit, in one
 * transaction with the stored file, so a refused or failed act leaves no orphan file behind.
 */
@Service
public class LegalActs {

    static final String UNIT_CODE = "[A-Za-z0-9]{1,10}";
    private final Desk desk;
    private final FileStore files;
    private final PdfDocuments documents;
    private final Zones zones;
    private final Territory territory;

    LegalActs(Desk desk, FileStore files, PdfDocuments documents, Zones zones, Territory territory) {
        this.desk = desk;
        this.files = files;
        this.documents = documents;
        this.zones = zones;
        this.territory = territory;
    }

    /** What a person types about an act; {@code type} is a name of {@link ActType}. */
    public record NewAct(String type, String number, LocalDate issuedOn, String issuer, String unitCode,
            String summary) {
    }

    public record LegalAct(long id, ActType type, String number, LocalDate issuedOn, String issuer, String unitCode,
            String summary, String documentName, long documentSize) {
    }

    /** The act's PDF, as the download serves it. */
    public record Document(String name, byte[] content) {
    }

    @Transactional
    public LegalAct record(long schemeId, NewAct act, PdfDocuments.Upload upload) {
        Scheme scheme = desk.writableScheme(schemeId);
        List<Violation> problems = check(act);
        councilOfALegalUnit(scheme, act, problems);
        byte[] pdf = null;
        try {
            pdf = documents.read(upload);
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActType type = ActType.valueOf(act.type().strip());
        String name = PdfDocuments.filename(upload.filename());
        UUID document = files.put(name, "application/pdf", pdf);
        String unitCode = blankToNull(act.unitCode());
        String summary = blankToNull(act.summary());
        long id = desk.jdbc().sql("""
                insert into legal_act (scheme_id, type, number, issued_on, issuer, unit_code, summary,
                                       document_id, document_name, document_size)
                values (:s, :type, :number, :on, :issuer, :unit, :summary, :doc, :name, :size) returning id
                """).param("s", schemeId).param("type", type.name()).param("number", act.number().strip())
                .param("on", Date.valueOf(act.issuedOn())).param("issuer", act.issuer().strip())
                .param("unit", unitCode).param("summary", summary).param("doc", document).param("name", name)
                .param("size", pdf.length).query(Long.class).single();
        LegalAct recorded = new LegalAct(id, type, act.number().strip(), act.issuedOn(), act.issuer().strip(),
                unitCode, summary, name, pdf.length);
        desk.events().record(schemeId, act.issuedOn(), type == ActType.STATUTES_REFORM
                ? SchemeEvents.Type.STATUTES_REFORMED : SchemeEvents.Type.ACT_RECORDED, title(recorded));
        desk.audit().record(Change.created("legal_act", id, schemeId, title(recorded), state(recorded)));
        return recorded;
    }

    /** The scheme's acts, the most recent first; a scheme's life holds tens, rarely hundreds. */
    public List<LegalAct> of(long schemeId) {
        desk.schemes().get(schemeId);
        return desk.jdbc().sql("""
                select id, type, number, issued_on, issuer, unit_code, summary, document_name, document_size
                from legal_act where scheme_id = :s order by issued_on desc, id desc limit 1000
                """).param("s", schemeId)
                .query(LegalAct.class)
                .list();
    }

    /** The act's PDF; the register is open to every signed-in user, as the scheme page is. */
    public Document document(long schemeId, long actId) {
        record Ref(UUID id, String name) {
        }
        Ref ref = desk.jdbc().sql("select document_id as id, document_name as name from legal_act where scheme_id = :s and id = :id")
                .param("s", schemeId).param("id", actId)
                .query(Ref.class).optional()
                .orElseThrow(() -> new NotFoundException("acto", actId));
        return new Document(ref.name(), files.content(ref.id()));
    }

    /** "Acuerdo del concejo 012 de 2024, Concejo Municipal de Ocaña": how the timeline names an act. */
    static String title(LegalAct act) {
        return act.type().spanishName() + " " + act.number() + " de " + act.issuedOn().getYear() + ", "
                + act.issuer();
    }

    private List<Violation> check(NewAct act) {
        List<Violation> problems = new ArrayList<>();
        if (act.type() == null || act.type().isBlank()) {
            problems.add(new Violation("type", "Required", "act.type.required"));
        } else if (java.util.Arrays.stream(ActType.values()).noneMatch(t -> t.name().equals(act.type().strip()))) {
            problems.add(new Violation("type", "OneOf", "act.type.oneOf"));
        }
        if (act.number() == null || act.number().isBlank()) {
            problems.add(new Violation("number", "Required", "act.number.required"));
        } else if (act.number().strip().length() > 30) {
            problems.add(new Violation("number", "Size", "act.number.size", 30));
        }
        if (act.issuedOn() == null) {
            problems.add(new Violation("issuedOn", "Required", "act.issuedOn.required"));
        } else if (act.issuedOn().isAfter(zones.today().plusDays(1))) {
            // One day of slack: a user in El Salvador may be a calendar day behind the server.
            problems.add(new Violation("issuedOn", "PastOrPresent", "act.issuedOn.future"));
        }
        if (act.issuer() == null || act.issuer().isBlank()) {
            problems.add(new Violation("issuer", "Required", "act.issuer.required"));
        } else if (act.issuer().strip().length() > 200) {
            problems.add(new Violation("issuer", "Size", "act.issuer.size", 200));
        }
        if (act.unitCode() != null && !act.unitCode().isBlank() && !act.unitCode().strip().matches(UNIT_CODE)) {
            problems.add(new Violation("unitCode", "Pattern", "act.unitCode.pattern"));
        }
        if (act.summary() != null && act.summary().strip().length() > 2000) {
            problems.add(new Violation("summary", "Size", "act.summary.size", 2000));
        }
        return problems;
    }

    /**
     * A council act is of a unit with a council: a Salvadoran district has had none since 1 May 2024, so
     * its council act then is refused, naming the municipality whose council acts for it.
     */
    private void councilOfALegalUnit(Scheme scheme, NewAct act, List<Violation> problems) {
        if (problems.isEmpty() && ActType.COUNCIL_AUTHORISATION.name().equals(act.type().strip())
                && act.unitCode() != null && !act.unitCode().isBlank()) {
            territory.find(scheme.getCountry().name(), act.unitCode().strip(), act.issuedOn())
                    .filter(u -> u.level() == Level.DISTRICT)
                    .ifPresent(d -> problems.add(new Violation("unitCode", "LegalUnit", "act.unitCode.district",
                            d.name(), territory.find(scheme.getCountry().name(), d.parentCode(), act.issuedOn())
                                    .map(TerritorialUnit::name).orElse(d.parentCode()), d.parentCode())));
        }
    }

    private static Map<String, Object> state(LegalAct act) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", act.type().name());
        state.put("number", act.number());
        state.put("issuedOn", act.issuedOn().toString());
        state.put("issuer", act.issuer());
        state.put("unitCode", act.unitCode());
        state.put("summary", act.summary());
        state.put("documentName", act.documentName());
        state.put("documentSize", act.documentSize());
        return state;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
