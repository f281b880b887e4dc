package org.minga.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.minga.identity.SchemeDirectory;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.registry.internal.LegalRules;
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

    Schemes(SchemeRepository repository, Scopes scopes, AuditLog audit, LegalRules figures) {
        this.repository = repository;
        this.scopes = scopes;
        this.audit = audit;
        this.figures = figures;
    }

    /** Only platform administrators register a new scheme. */
    @Transactional
    public Scheme create(String name, String acronym, Scheme.Country country, String figure) {
        scopes.requirePlatformAdmin();
        check(name, acronym, country, 0);
        String legalFigure = blankToNull(figure);
        if (legalFigure != null && figures.figure(country.name(), legalFigure).isEmpty()) {
            throw new InvalidInputException("figure", "Exists", "registry.rule.figure");
        }
        Scheme scheme = repository.save(new Scheme(name.strip(), blankToNull(acronym), country, legalFigure));
        audit.record(Change.created(ENTITY, scheme.getId(), scheme.getId(), "Esquema " + scheme.getName(),
                scheme.auditState()));
        return scheme;
    }

    /** The scheme's own administrators and staff (and platform administrators) may rename it. */
    @Transactional
    public Scheme rename(long id, String name, String acronym) {
        scopes.requireSchemeWrite(id);
        Scheme scheme = get(id);
        check(name, acronym, scheme.getCountry(), id);
        var before = scheme.auditState();
        scheme.rename(name.strip(), blankToNull(acronym));
        scheme = repository.save(scheme);
        audit.record(Change.updated(ENTITY, id, id, "Esquema " + scheme.getName(), before, scheme.auditState()));
        return scheme;
    }

    public Scheme get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("esquema", id));
    }

    public List<Scheme> page(int page, int size) {
        return repository.page(size, (long) page * size);
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
        List<Violation> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new Violation("name", "NotBlank", "scheme.name.required"));
        } else if (name.strip().length() > 200) {
            problems.add(new Violation("name", "Size", "scheme.name.size"));
        } else if (country != null && repository.nameTaken(country.name(), name.strip(), id)) {
            problems.add(new Violation("name", "Unique", "scheme.name.taken"));
        }
        if (acronym != null && acronym.strip().length() > 30) {
            problems.add(new Violation("acronym", "Size", "scheme.acronym.size"));
        }
        if (country == null) {
            problems.add(new Violation("country", "Required", "scheme.country.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static SchemeRef ref(Scheme s) {
        return new SchemeRef(s.getId(), s.getName(), s.getCountry().name());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
