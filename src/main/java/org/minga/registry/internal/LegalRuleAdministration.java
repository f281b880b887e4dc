package org.minga.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minga.identity.Scopes;
import org.minga.platform.SystemActor;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.registry.Finding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform administrators add a new version of a figure's rule, in force from a date (a law that
 * changes, a court ruling). Versions are never edited: validations of earlier dates keep their answer.
 */
@Service
public class LegalRuleAdministration {

    static final Set<String> RULES = Set.of("MIN_MEMBERS", "MEMBER_LEVEL", "MEMBER_FIGURE", "REQUIRED_ACTS", "CONTIGUITY", "SAME_DEPARTMENT",
            "CORE_REQUIRED", "FUNCTIONAL_TERRITORY");
    private final LegalRules rules;
    private final Scopes scopes;
    private final AuditLog audit;

    LegalRuleAdministration(LegalRules rules, Scopes scopes, AuditLog audit) {
        this.rules = rules;
        this.scopes = scopes;
        this.audit = audit;
    }

    public record NewVersion(String country, String figure, String rule, Finding.Severity severity, String parameter,
            String reference, LocalDate validFrom) {
    }

    public record FigureRules(String code, String name, String reference, List<LegalRules.Rule> rules) {
    }

    @Transactional
    public void add(NewVersion v) {
        scopes.requirePlatformAdmin();
        List<Violation> problems = new ArrayList<>();
        if (v.country() == null || rules.figure(v.country(), v.figure() == null ? "" : v.figure()).isEmpty()) {
            problems.add(new Violation("figure", "Exists", "registry.rule.figure"));
        }
        if (v.rule() == null || !RULES.contains(v.rule())) {
            problems.add(new Violation("rule", "OneOf", "registry.rule.rule", String.join(", ", RULES)));
        }
        if (v.severity() == null) {
            problems.add(new Violation("severity", "Required", "registry.rule.severity"));
        }
        if (v.reference() == null || v.reference().isBlank()) {
            problems.add(new Violation("reference", "NotBlank", "registry.rule.reference"));
        }
        if (v.validFrom() == null) {
            problems.add(new Violation("validFrom", "Required", "registry.rule.validFrom"));
        }
        if (v.rule() != null && problems.isEmpty() && !parameterFits(v.rule(), v.parameter())) {
            problems.add(new Violation("parameter", "Format", "registry.rule.parameter"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        rules.add(v.country(), v.figure(), v.rule(), v.severity(), v.parameter(), v.reference().strip(), v.validFrom(),
                SystemActor.current());
        audit.record(Change.created("legal_rule", v.country() + "/" + v.figure() + "/" + v.rule() + "@" + v.validFrom(),
                null, "Nueva versión de la regla " + v.rule() + " de " + v.figure(),
                Map.of("severity", v.severity(), "parameter", String.valueOf(v.parameter()), "reference", v.reference(),
                        "validFrom", v.validFrom().toString())));
    }

    public List<FigureRules> inForce(String country, LocalDate at) {
        return rules.figures(country).stream().map(f -> new FigureRules(f.code(), f.name(), f.reference(),
                rules.inForce(country, f.code(), at))).toList();
    }

    private static boolean parameterFits(String rule, String parameter) {
        if (parameter != null && parameter.equalsIgnoreCase("OFF")) {
            return true;
        }
        return switch (rule) {
            case "MIN_MEMBERS" -> parameter != null && parameter.matches("[1-9]\\d{0,3}");
            case "MEMBER_LEVEL" -> parameter != null && parameter.matches("(DEPARTMENT|MUNICIPALITY|DISTRICT)"
                    + "(,(DEPARTMENT|MUNICIPALITY|DISTRICT))*");
            case "REQUIRED_ACTS" -> parameter != null && java.util.Arrays.stream(parameter.split(","))
                    .allMatch(t -> java.util.Arrays.stream(ActType.values()).anyMatch(a -> a.name().equals(t.strip())));
            case "MEMBER_FIGURE" -> parameter != null && parameter.matches("[A-Z_]+(,[A-Z_]+)*");
            default -> parameter == null || parameter.isBlank();
        };
    }
}
