package org.minga.registry.internal;

import org.minga.platform.Zones;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.minga.platform.InvalidInputException;
import org.minga.registry.Finding;
import org.minga.registry.Finding.Severity;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeOverlaps;
import org.minga.registry.Schemes;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.stereotype.Service;

/**
 * Checks a proposed membership against the rules of its legal figure in force on a date: how many
 * members, of which level, contiguous, in one department, with a core. The answer for a past date
 * uses the units and the rules of that date.
 */
@Service
public record SchemeValidator(LegalRules rules, Territory territory, SchemeOverlaps overlaps, Schemes schemes,
        LegalActs legalActs, Zones zones) {

    private static final int MAX_MEMBERS = 2_000;
    /** The schemes sharing the most members are named; the rest are counted. */
    private static final int MAX_OVERLAPS_NAMED = 10;

    /**
     * A proposed membership. {@code competences} (optional) sharpen the overlap warning; {@code scheme}
     * (optional) is the registered scheme being checked, which does not overlap itself.
     */
    public record Request(String country, String figure, List<String> members, String core, LocalDate at,
            List<String> competences, Long scheme, List<Long> memberSchemes) {

        public Request(String country, String figure, List<String> members, String core, LocalDate at) {
            this(country, figure, members, core, at, null, null, null);
        }
    }

    public record Result(boolean valid, List<Finding> findings) {
    }

    public Result validate(Request request) {
        String country = request.country() == null ? "" : request.country().strip().toUpperCase();
        if (!country.matches("CO|SV")) {
            throw new InvalidInputException("country", "OneOf", "registry.validation.country");
        }
        if (request.figure() == null || rules.figure(country, request.figure()).isEmpty()) {
            throw new InvalidInputException("figure", "OneOf", "registry.validation.figure",
                    rules.figures(country).stream().map(LegalRules.Figure::code).collect(Collectors.joining(", ")));
        }
        List<String> members = request.members() == null ? List.of() : request.members();
        if (members.size() > MAX_MEMBERS) {
            throw new InvalidInputException("members", "Size", "registry.validation.members", MAX_MEMBERS);
        }
        LocalDate at = request.at() == null ? zones.today() : request.at();
        List<Finding> findings = new ArrayList<>();

        Map<String, TerritorialUnit> existing = territory.findAll(country,
                members.stream().map(m -> m == null ? "" : m.strip()).toList(), at);
        Map<String, TerritorialUnit> units = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String raw : members) {
            String code = raw == null ? "" : raw.strip();
            if (!seen.add(code)) {
                findings.add(error("DUPLICATE_MEMBER", "El miembro " + code + " aparece más de una vez.", null));
            } else if (existing.containsKey(code)) {
                units.put(code, existing.get(code));
            } else {
                findings.add(error("UNKNOWN_UNIT", "No existe la unidad territorial " + country + " " + code
                        + " en la fecha " + at + ".", null));
            }
        }
        List<Scheme> memberSchemes = memberSchemes(request.memberSchemes(), findings);
        Map<String, TerritorialUnit> legal = legalUnits(country, units, at);
        for (LegalRules.Rule rule : rules.inForce(country, request.figure(), at)) {
            if (rule.rule().equals("MEMBER_FIGURE")) {
                checkFigures(rule, memberSchemes, findings);
            } else if (rule.rule().equals("REQUIRED_ACTS")) {
                if (request.scheme() != null) {
                    checkActs(rule, request.scheme(), units, legal, at, findings);
                }
            } else {
                check(rule, country, members, units, legal, request.core(), at, memberSchemes.size(), findings);
            }
        }
        overlap(country, units.keySet(), request.competences(), at, request.scheme(), findings);
        boolean valid = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        return new Result(valid, findings);
    }

    private void check(LegalRules.Rule rule, String country, List<String> members, Map<String, TerritorialUnit> units,
            Map<String, TerritorialUnit> legal, String core, LocalDate at, int memberSchemes, List<Finding> findings) {
        switch (rule.rule()) {
            case "MIN_MEMBERS" -> {
                int min = Integer.parseInt(rule.parameter());
                // Units with legal personality: two districts of one municipality are one member in law.
                long distinct = members.stream().map(m -> m == null ? "" : m.strip()).distinct()
                        .map(m -> legal.containsKey(m) ? legal.get(m).code() : m).distinct().count() + memberSchemes;
                if (distinct < min) {
                    findings.add(finding(rule, distinct < members.stream().distinct().count() + memberSchemes
                            ? "Esta figura exige al menos " + min + " miembros con personalidad jurídica y hay "
                                    + distinct + ": " + legal.values().stream().map(TerritorialUnit::name).distinct()
                                            .collect(Collectors.joining(", ")) + "."
                            : "Esta figura exige al menos " + min + " miembros y hay " + distinct + "."));
                }
            }
            case "MEMBER_LEVEL" -> {
                Set<Level> allowed = Arrays.stream(rule.parameter().split(",")).map(String::strip).map(Level::valueOf)
                        .collect(Collectors.toSet());
                String admitted = allowed.stream().map(SchemeValidator::levelName).collect(Collectors.joining(" o "));
                units.values().stream().filter(u -> !allowed.contains(u.level())).forEach(u -> {
                    TerritorialUnit owner = legal.get(u.code());
                    findings.add(finding(rule, owner == null || owner == u
                            ? u.name() + " (" + u.code() + ") es " + levelName(u.level()) + "; esta figura admite "
                                    + admitted + "."
                            : u.name() + " (" + u.code() + ") es un distrito del municipio " + owner.name() + " ("
                                    + owner.code() + ") y no tiene personalidad jurídica: el miembro debe ser "
                                    + owner.name() + (units.containsKey(owner.code()) ? ", que ya figura como miembro"
                                            : "") + "; esta figura admite " + admitted + "."));
                });
            }
            case "SAME_DEPARTMENT" -> {
                Map<String, List<String>> byDepartment = units.values().stream().collect(Collectors.groupingBy(
                        u -> String.valueOf(u.parentCode()), LinkedHashMap::new,
                        Collectors.mapping(TerritorialUnit::name, Collectors.toList())));
                if (byDepartment.size() > 1) {
                    Map<String, String> names = departmentNames(country, byDepartment.keySet(), at);
                    findings.add(finding(rule, "Los miembros deben ser de un mismo departamento y son de "
                            + byDepartment.size() + ": " + byDepartment.entrySet().stream()
                                    .map(e -> names.getOrDefault(e.getKey(), e.getKey()) + " ("
                                            + String.join(", ", e.getValue()) + ")")
                                    .collect(Collectors.joining("; ")) + "."));
                }
            }
            case "CONTIGUITY", "FUNCTIONAL_TERRITORY" -> {
                List<List<String>> groups = territory.contiguousGroups(country, units.keySet(), at);
                if (groups.size() > 1) {
                    String described = groups.stream().map(g -> "[" + g.stream().map(c -> units.get(c).name())
                            .collect(Collectors.joining(", ")) + "]").collect(Collectors.joining(", "));
                    findings.add(finding(rule, rule.rule().equals("CONTIGUITY")
                            ? "Los miembros deben formar un territorio continuo y quedan en " + groups.size()
                                    + " grupos sin frontera común: " + described + "."
                            : "Los miembros no forman un territorio continuo (" + groups.size() + " grupos: "
                                    + described + "); los esquemas sin territorio funcional suelen fracasar."));
                }
            }
            case "CORE_REQUIRED" -> {
                if (core == null || core.isBlank()) {
                    findings.add(finding(rule, "Un área metropolitana necesita un municipio núcleo y no se indicó."));
                } else if (!units.containsKey(core.strip())) {
                    findings.add(finding(rule, "El núcleo " + core.strip() + " debe ser uno de los miembros."));
                }
            }
            default -> {
                // A rule this version of Minga does not know: say so rather than pass silently.
                findings.add(new Finding(rule.rule(), Severity.WARNING,
                        "Regla sin verificación automática en esta versión de Minga.", rule.reference()));
            }
        }
    }

    /** Schemes that are members (of an association of metropolitan areas); unknown ids are errors. */
    private List<Scheme> memberSchemes(List<Long> ids, List<Finding> findings) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Scheme> found = new HashMap<>();
        schemes.all(ids).forEach(s -> found.put(s.getId(), s));
        ids.stream().filter(id -> !found.containsKey(id)).forEach(id -> findings.add(error("UNKNOWN_UNIT",
                "No existe el esquema miembro " + id + ".", null)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static void checkFigures(LegalRules.Rule rule, List<Scheme> members, List<Finding> findings) {
        Set<String> allowed = Set.of(rule.parameter().split(","));
        members.stream().filter(s -> !allowed.contains(String.valueOf(s.getFigure()))).forEach(s -> findings.add(
                finding(rule, s.getName() + " no es " + String.join(" ni ", allowed).toLowerCase().replace('_', ' ')
                        + "; esta figura solo admite esquemas de esa figura como miembros.")));
    }

    /**
     * The acts the figure requires, recorded on or before the date: each listed type at least once,
     * and a council authorisation for every member. Only a registered scheme has acts to check.
     */
    private void checkActs(LegalRules.Rule rule, long scheme, Map<String, TerritorialUnit> units,
            Map<String, TerritorialUnit> legal, LocalDate at, List<Finding> findings) {
        List<LegalActs.LegalAct> acts = legalActs.of(scheme).stream().filter(a -> !a.issuedOn().isAfter(at)).toList();
        List<String> missing = new ArrayList<>();
        for (String type : rule.parameter().split(",")) {
            ActType required = ActType.valueOf(type.strip());
            if (required == ActType.COUNCIL_AUTHORISATION) {
                Set<String> authorised = acts.stream().filter(a -> a.type() == required).map(LegalActs.LegalAct::unitCode)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
                // The council that authorises is the legal unit's: a district's municipality after the reform.
                List<String> lacking = units.values().stream().map(u -> legal.getOrDefault(u.code(), u)).distinct()
                        .filter(u -> !authorised.contains(u.code())).map(TerritorialUnit::name).toList();
                if (!lacking.isEmpty()) {
                    missing.add(required.spanishName().toLowerCase() + " de " + String.join(", ", lacking));
                }
            } else if (acts.stream().noneMatch(a -> a.type() == required)) {
                missing.add(required.spanishName().toLowerCase());
            }
        }
        if (!missing.isEmpty()) {
            findings.add(finding(rule, "Faltan actos exigidos para constituir el esquema: " + String.join("; ", missing)
                    + "."));
        }
    }

    /**
     * Warns when a registered scheme already holds some of these members and (when the proposal's
     * competences are given) one of its competences: two schemes doing the same thing for the same
     * municipalities is what RINDE asks to avoid.
     */
    private void overlap(String country, Set<String> members, List<String> competences, LocalDate at, Long scheme,
            List<Finding> findings) {
        List<SchemeOverlaps.Overlap> overlapping = overlaps.sharing(country, members, at, scheme).stream()
                .filter(o -> competences == null || competences.isEmpty()
                        || o.competences().stream().anyMatch(competences::contains))
                .toList();
        for (SchemeOverlaps.Overlap o : overlapping.stream().limit(MAX_OVERLAPS_NAMED).toList()) {
            String shared = String.join(", ", o.sharedMembers());
            findings.add(new Finding("OVERLAP", Severity.WARNING, competences == null || competences.isEmpty()
                    ? "El esquema " + o.schemeName() + " ya tiene como miembros a " + shared
                            + "; revise que no ejerzan las mismas competencias."
                    : "El esquema " + o.schemeName() + " ya tiene como miembros a " + shared
                            + " y ejerce las mismas competencias (" + String.join(", ", o.competences().stream()
                                    .filter(competences::contains).toList()) + ").", null));
        }
        if (overlapping.size() > MAX_OVERLAPS_NAMED) {
            findings.add(new Finding("OVERLAP", Severity.WARNING, "Y otros " + (overlapping.size() - MAX_OVERLAPS_NAMED)
                    + " esquemas comparten miembros con esta propuesta.", null));
        }
    }

    /**
     * For each unit, the unit with legal personality on the date: itself, or for a district (El Salvador
     * since 1 May 2024) the municipality it belongs to. Found in one query for all the districts.
     */
    private Map<String, TerritorialUnit> legalUnits(String country, Map<String, TerritorialUnit> units, LocalDate at) {
        Set<String> parents = units.values().stream().filter(u -> u.level() == Level.DISTRICT && u.parentCode() != null)
                .map(TerritorialUnit::parentCode).collect(Collectors.toSet());
        Map<String, TerritorialUnit> municipalities = parents.isEmpty() ? Map.of()
                : territory.findAll(country, parents, at);
        Map<String, TerritorialUnit> legal = new LinkedHashMap<>();
        units.forEach((code, u) -> legal.put(code, u.level() == Level.DISTRICT
                ? municipalities.getOrDefault(u.parentCode(), u) : u));
        return legal;
    }

    private Map<String, String> departmentNames(String country, Set<String> codes, LocalDate at) {
        Map<String, String> names = new HashMap<>();
        territory.findAll(country, codes, at).forEach((code, unit) -> names.put(code, unit.name()));
        return names;
    }

    private static Finding finding(LegalRules.Rule rule, String message) {
        return new Finding(rule.rule(), rule.severity(), message, rule.reference());
    }

    private static Finding error(String rule, String message, String reference) {
        return new Finding(rule, Severity.ERROR, message, reference);
    }

    private static String levelName(Level level) {
        return switch (level) {
            case DEPARTMENT -> "departamento";
            case MUNICIPALITY -> "municipio";
            case DISTRICT -> "distrito";
        };
    }
}
