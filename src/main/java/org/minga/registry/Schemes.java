package org.minga.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.minga.identity.SchemeDirectory;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.registry.internal.LegalRules;
import org.minga.registry.internal.SchemeEvents;
import org.minga.registry.internal.SchemeLifecycle;
import org.minga.platform.Zones;
import org.springframework.beans.factory.ObjectProvider;
import org.minga.territory.Territory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the register, and the scheme directory identity's grants use. */
@Service
public class Schemes implements SchemeDirectory {

    private static final String ENTITY = "scheme";
    private final SchemeRepository repository;
    private final Scopes scopes;
    private final AuditLog audit;
    private final LegalRules figures;
    private final SchemeEvents events;
    private final Territory territory;
    private final ObjectProvider<SchemeLifecycle> law;
    private final Zones zones;

    Schemes(SchemeRepository repository, Scopes scopes, AuditLog audit, LegalRules figures, SchemeEvents events,
            Territory territory, ObjectProvider<SchemeLifecycle> law, Zones zones) {
        this.repository = repository;
        this.law = law;
        this.zones = zones;
        this.events = events;
        this.territory = territory;
        this.scopes = scopes;
        this.audit = audit;
        this.figures = figures;
    }

    /** Only platform administrators register a new scheme. */
    @Transactional
    public Scheme create(String name, String acronym, Scheme.Country country, String figure) {
        scopes.requirePlatformAdmin();
        check(name, acronym, country, 0);
        String legalFigure = Inputs.text(figure);
        if (legalFigure != null && figures.figure(country.name(), legalFigure).isEmpty()) {
            throw new InvalidInputException("figure", "Exists", "registry.rule.figure");
        }
        Scheme scheme = repository.save(new Scheme(name.strip(), Inputs.text(acronym), country, legalFigure));
        audit.record(Change.created(ENTITY, scheme.getId(), scheme.getId(), "Esquema " + scheme.getName(),
                scheme.auditState()));
        events.record(scheme.getId(), zones.today(country.name()), SchemeEvents.Type.CREATED, "Se registra " + scheme.getName());
        return scheme;
    }

    /** The scheme's own administrators and staff (and platform administrators) may rename it. */
    @Transactional
    public Scheme rename(long id, String name, String acronym) {
        scopes.requireSchemeWrite(id);
        Scheme scheme = get(id);
        check(name, acronym, scheme.getCountry(), id);
        var before = scheme.auditState();
        scheme.rename(name.strip(), Inputs.text(acronym));
        scheme = repository.save(scheme);
        audit.record(Change.updated(ENTITY, id, id, "Esquema " + scheme.getName(), before, scheme.auditState()));
        return scheme;
    }

    /** Founding date, legal personality, seat and purposes; the seat must be a unit of the scheme's country. */
    @Transactional
    public Scheme describe(long id, Scheme.Profile profile) {
        scopes.requireSchemeWrite(id);
        Scheme scheme = get(id);
        Scheme.Profile clean = new Scheme.Profile(profile.foundedOn(), Inputs.text(profile.legalPersonality()),
                Inputs.text(profile.seatUnitCode()), Inputs.text(profile.seatAddress()),
                Inputs.text(profile.purposes()));
        LocalDate today = zones.today(scheme.getCountry().name());
        new Checks()
                .rule(clean.foundedOn() == null || !clean.foundedOn().isAfter(today), "foundedOn", "PastOrPresent",
                        "scheme.foundedOn.future")
                .rule(clean.legalPersonality() == null || clean.legalPersonality().length() <= 60, "legalPersonality",
                        "Size", "scheme.legalPersonality.size")
                .rule(clean.seatUnitCode() == null
                        || territory.find(scheme.getCountry().name(), clean.seatUnitCode(), today).isPresent(),
                        "seatUnitCode", "Exists", "scheme.seat.unknown", clean.seatUnitCode())
                .rule(clean.seatAddress() == null || clean.seatAddress().length() <= 300, "seatAddress", "Size",
                        "scheme.seatAddress.size")
                .rule(clean.purposes() == null || clean.purposes().length() <= 4000, "purposes", "Size",
                        "scheme.purposes.size")
                .orThrow();
        var before = scheme.auditState();
        scheme.describe(clean);
        scheme = repository.save(scheme);
        audit.record(Change.updated(ENTITY, id, id, "Perfil de " + scheme.getName(), before, scheme.auditState()));
        return scheme;
    }

    /**
     * The one way to move a scheme along its life: only the allowed steps, dated, never before the
     * last step. A scheme is constituted only with a legal figure, and only if its members on that
     * date pass the figure's rules then in force (required acts included).
     */
    @Transactional
    public Scheme changeStatus(long id, Scheme.Status next, LocalDate on, String note) {
        scopes.requireSchemeWrite(id);
        Scheme scheme = get(id);
        if (next == null) {
            throw new InvalidInputException("status", "Required", "scheme.status.required");
        }
        if (!scheme.getStatus().next().contains(next)) {
            throw new InvalidInputException("status", "Transition", "scheme.status.transition", scheme.getStatus(),
                    next, scheme.getStatus().next());
        }
        if (on == null || on.isAfter(zones.today(scheme.getCountry().name()))
                || (scheme.getStatusSince() != null && on.isBefore(scheme.getStatusSince()))) {
            throw new InvalidInputException("on", "Date", "scheme.status.date");
        }
        if (next == Scheme.Status.CONSTITUTED && scheme.getFigure() == null) {
            throw new InvalidInputException("status", "FigureRequired", "scheme.status.figure");
        }
        if (next == Scheme.Status.CONSTITUTED) {
            law.getObject().requireLegal(scheme, on);
        }
        var before = scheme.auditState();
        Scheme.Status previous = scheme.getStatus();
        scheme.moveTo(next, on);
        scheme = repository.save(scheme);
        audit.record(Change.updated(ENTITY, id, id, "Estado de " + scheme.getName(), before, scheme.auditState()));
        String text = note == null || note.isBlank() ? "" : ": " + note.strip();
        events.record(id, on, SchemeEvents.Type.STATUS_CHANGED, "Pasa de " + Scheme.Status.label(previous) + " a "
                + Scheme.Status.label(next) + text);
        return scheme;
    }

    public Scheme get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("esquema", id));
    }

    /** The codes of the territorial units that are members of the scheme on the date. */
    public List<String> memberUnits(long id, LocalDate at) {
        return repository.memberUnits(id, at);
    }

    /** The schemes with these ids, in one read. */
    public List<Scheme> all(Collection<Long> ids) {
        return repository.findAllById(ids);
    }

    @Override
    public List<SchemeRef> all() {
        return repository.page(10_000, 0).stream().map(Schemes::ref).toList();
    }

    @Override
    public Optional<SchemeRef> find(long id) {
        return repository.findById(id).map(Schemes::ref);
    }

    @Override
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        repository.findAllById(ids).forEach(s -> names.put(s.getId(), s.getName()));
        return names;
    }

    private void check(String name, String acronym, Scheme.Country country, long id) {
        Checks checks = new Checks();
        if (name == null || name.isBlank()) {
            checks.rule(false, "name", "NotBlank", "scheme.name.required");
        } else if (name.strip().length() > 200) {
            checks.rule(false, "name", "Size", "scheme.name.size");
        } else {
            checks.rule(country == null || !repository.nameTaken(country.name(), name.strip(), id), "name", "Unique",
                    "scheme.name.taken");
        }
        checks.rule(acronym == null || acronym.strip().length() <= 30, "acronym", "Size", "scheme.acronym.size")
                .rule(country != null, "country", "Required", "scheme.country.required")
                .orThrow();
    }

    private static SchemeRef ref(Scheme s) {
        return new SchemeRef(s.getId(), s.getName(), s.getCountry().name());
    }

}
