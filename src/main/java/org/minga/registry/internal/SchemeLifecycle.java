package org.minga.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.registry.Finding;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheme's status changes, with the law's say on constitution: a scheme is constituted only if
 * its members on that date pass its figure's rules then in force (required acts included).
 */
@Service
public class SchemeLifecycle {

    private final Schemes schemes;
    private final Memberships memberships;
    private final Competences competences;
    private final SchemeValidator validator;
    private final Scopes scopes;

    SchemeLifecycle(Schemes schemes, Memberships memberships, Competences competences, SchemeValidator validator,
            Scopes scopes) {
        this.scopes = scopes;
        this.schemes = schemes;
        this.memberships = memberships;
        this.competences = competences;
        this.validator = validator;
    }

    @Transactional
    public Scheme changeStatus(long id, Scheme.Status next, LocalDate on, String note) {
        scopes.requireSchemeWrite(id);
        Scheme scheme = schemes.get(id);
        if (next == Scheme.Status.CONSTITUTED && scheme.getFigure() != null && on != null) {
            List<Finding> errors = validator.validate(request(scheme, on)).findings().stream()
                    .filter(f -> f.severity() == Finding.Severity.ERROR).toList();
            if (!errors.isEmpty()) {
                throw new InvalidInputException("status", "Rules", "scheme.status.rules",
                        errors.stream().map(Finding::message).collect(Collectors.joining(" ")));
            }
        }
        return schemes.changeStatus(id, next, on, note);
    }

    /** The scheme's members and competences on a date, as a validation of the scheme itself. */
    public SchemeValidator.Request request(Scheme scheme, LocalDate at) {
        List<Memberships.Member> members = memberships.on(scheme.getId(), at);
        String core = members.stream().filter(m -> "CORE".equals(m.role())).map(Memberships.Member::code)
                .findFirst().orElse(null);
        return new SchemeValidator.Request(scheme.getCountry().name(), scheme.getFigure(),
                members.stream().map(Memberships.Member::code).filter(java.util.Objects::nonNull).toList(), core, at,
                competences.on(scheme.getId(), at).stream().map(Competences.Held::code).toList(), scheme.getId(),
                members.stream().map(Memberships.Member::memberSchemeId).filter(java.util.Objects::nonNull).toList());
    }
}
