package org.minga.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.minga.platform.InvalidInputException;
import org.minga.registry.Finding;
import org.minga.registry.Scheme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The law's say on a scheme's life: a scheme is constituted only if its members on that date pass
 * its figure's rules then in force (required acts included). {@link Schemes#changeStatus} is the one
 * door that changes a status and asks this first; nothing here writes.
 */
@Service
public class SchemeLifecycle {

    private final Memberships memberships;
    private final Competences competences;
    private final SchemeValidator validator;

    SchemeLifecycle(Memberships memberships, Competences competences, SchemeValidator validator) {
        this.memberships = memberships;
        this.competences = competences;
        this.validator = validator;
    }

    /** Refuses constitution on {@code on} when the scheme breaks its figure's rules then in force. */
    @Transactional(readOnly = true)
    public void requireLegal(Scheme scheme, LocalDate on) {
        if (scheme.getFigure() == null || on == null) {
            return;
        }
        List<Finding> errors = validator.validate(request(scheme, on)).findings().stream()
                .filter(f -> f.severity() == Finding.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("status", "Rules", "scheme.status.rules",
                    errors.stream().map(Finding::message).collect(Collectors.joining(" ")));
        }
    }

    /** The scheme's findings on a date, as the scheme's page shows them. */
    public List<Finding> findings(Scheme scheme, LocalDate at) {
        return validator.validate(request(scheme, at)).findings();
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
