package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.registry.Scheme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheme's registration with the national authority that keeps the register of schemes: number,
 * date and authority, and the documents that authority asks for (the acts that constitute the scheme
 * under its figure's rules on the registration date), each shown as on file or missing.
 */
@Service
public class Registrations {

    /** Colombia's register of territorial associative schemes (Ley 1955 de 2019, art. 249). */
    public static final String CO_AUTHORITY = "Ministerio del Interior";

    private final Desk desk;
    private final LegalRules rules;
    private final Zones zones;

    Registrations(Desk desk, LegalRules rules, Zones zones) {
        this.desk = desk;
        this.rules = rules;
        this.zones = zones;
    }

    public record NewRegistration(String authority, String number, LocalDate registeredOn, String notes) {
    }

    public record RecordedRegistration(long id, String authority, String number, LocalDate registeredOn, String notes) {
    }

    /** A document the register asks for, and whether the scheme has it among its legal acts. */
    public record RequiredDocument(String type, String name, boolean onFile) {
    }

    @Transactional
    public RecordedRegistration record(long schemeId, NewRegistration in) {
        Scheme scheme = desk.writableScheme(schemeId);
        List<Violation> problems = new ArrayList<>();
        String authority = LegalActs.blankToNull(in.authority());
        String number = LegalActs.blankToNull(in.number());
        String notes = LegalActs.blankToNull(in.notes());
        if (authority == null) {
            problems.add(new Violation("authority", "Required", "registration.authority.required"));
        } else if (authority.length() > 200) {
            problems.add(new Violation("authority", "Size", "registration.authority.size", 200));
        }
        if (number == null) {
            problems.add(new Violation("number", "Required", "registration.number.required"));
        } else if (!number.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ./-]{0,39}")) {
            problems.add(new Violation("number", "Pattern", "registration.number.pattern", 40));
        }
        LocalDate founded = scheme.getProfile().foundedOn();
        if (in.registeredOn() == null) {
            problems.add(new Violation("registeredOn", "Required", "registration.registeredOn.required"));
        } else if (in.registeredOn().isAfter(zones.today().plusDays(1))) {
            problems.add(new Violation("registeredOn", "PastOrPresent", "registration.registeredOn.future"));
        } else if (founded != null && in.registeredOn().isBefore(founded)) {
            problems.add(new Violation("registeredOn", "AfterFounding", "registration.registeredOn.founded", founded));
        }
        if (notes != null && notes.length() > 2000) {
            problems.add(new Violation("notes", "Size", "registration.notes.size", 2000));
        }
        if (problems.isEmpty() && desk.jdbc().sql("""
                select exists (select 1 from scheme_registration where scheme_id = :s and authority = :a and number = :n)""")
                .param("s", schemeId).param("a", authority).param("n", number).query(Boolean.class).single()) {
            problems.add(new Violation("number", "Unique", "registration.number.unique", number));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = desk.jdbc().sql("""
                insert into scheme_registration (scheme_id, authority, number, registered_on, notes, recorded_by)
                values (:s, :a, :n, :on, :notes, :by) returning id""").param("s", schemeId).param("a", authority)
                .param("n", number).param("on", Date.valueOf(in.registeredOn())).param("notes", notes)
                .param("by", SystemActor.current()).query(Long.class).single();
        RecordedRegistration saved = new RecordedRegistration(id, authority, number, in.registeredOn(), notes);
        desk.events().record(schemeId, in.registeredOn(), SchemeEvents.Type.ACT_RECORDED,
                "Registro " + number + " ante " + authority);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("authority", authority);
        state.put("number", number);
        state.put("registeredOn", in.registeredOn().toString());
        state.put("notes", notes);
        desk.audit().record(Change.created("scheme_registration", id, schemeId, "Registro " + number + " ante "
                + authority, state));
        return saved;
    }

    /** The scheme's registrations, the latest first. */
    @Transactional(readOnly = true)
    public List<RecordedRegistration> of(long schemeId) {
        desk.schemes().get(schemeId);
        return desk.jdbc().sql("""
                select id, authority, number, registered_on, notes from scheme_registration where scheme_id = :s
                order by registered_on desc, id desc limit 100""").param("s", schemeId)
                .query(RecordedRegistration.class).list();
    }

    /**
     * The documents the register asks for on a date: the acts the figure's rules then in force require to
     * constitute the scheme (always the statutes when the rules name none), each with whether it is on file.
     */
    @Transactional(readOnly = true)
    public List<RequiredDocument> documents(long schemeId, LocalDate at) {
        Scheme scheme = desk.schemes().get(schemeId);
        List<String> required = scheme.getFigure() == null ? List.of() : rules.inForce(scheme.getCountry().name(),
                scheme.getFigure(), at).stream().filter(r -> r.rule().equals("REQUIRED_ACTS"))
                .flatMap(r -> Arrays.stream(r.parameter().split(","))).map(String::strip).distinct().toList();
        if (required.isEmpty()) {
            required = List.of(ActType.STATUTES.name());
        }
        Set<String> onFile = desk.jdbc().sql("""
                select distinct type from legal_act where scheme_id = :s and issued_on <= :at""")
                .param("s", schemeId).param("at", Date.valueOf(at)).query(String.class).list().stream()
                .collect(Collectors.toSet());
        return required.stream().map(t -> new RequiredDocument(t, ActType.valueOf(t).spanishName(), onFile.contains(t)))
                .toList();
    }

    /** The authority a person is offered first for a country's schemes. */
    public static String suggestedAuthority(Scheme.Country country) {
        return country == Scheme.Country.CO ? CO_AUTHORITY : "";
    }
}
