package org.minga.transitions.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minga.finance.Contributions;
import org.minga.planning.Plans;
import org.minga.platform.CountryFormat;
import org.minga.projects.ProjectDigest;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.transitions.Dossier;
import org.minga.transitions.Dossier.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a dossier from the records as of a date: membership, mayors in office, inherited projects
 * and their state, contributions and arrears, agreements (legal acts), commitments (the plan's goals
 * and their status) and open needs; for one member (the goals and projects that concern it), or for
 * the whole region when the unit is null. Members and beneficiaries by name, figures the country's way.
 */
@Component
public record DossierBuilder(Schemes schemes, SchemeFacts facts, ProjectDigest projects, Contributions contributions,
        Plans plans, JdbcClient jdbc) {

    private static final Map<String, String> ACT_TYPES = Map.of("COUNCIL_AUTHORISATION", "Autorización del concejo",
            "DEPARTMENTAL_ORDINANCE", "Ordenanza departamental", "ASSEMBLY_AUTHORISATION", "Autorización de la asamblea",
            "CONSTITUTION_ACT", "Acta de constitución", "STATUTES", "Estatutos", "STATUTES_REFORM", "Reforma de estatutos",
            "ASSOCIATION_AGREEMENT", "Convenio de asociación", "REGISTRATION", "Registro", "LIQUIDATION", "Liquidación");
    private static final Map<String, String> STATUS = Map.of("ON_TRACK", "Al día", "LATE", "Atrasada", "OFF_TRACK",
            "Desviada", "PENDING", "Pendiente");

    /**
     * Reads in the caller's transaction ({@code Transitions}), so the parts of one dossier agree. Every
     * part is read as of {@code at}: members, mayors, acts issued, arrears and goal statuses.
     */
    public Dossier build(long schemeId, Dossier.Kind kind, String unitCode, LocalDate at) {
        Scheme scheme = schemes.get(schemeId);
        CountryFormat numbers = CountryFormat.of(scheme.getCountry().name());
        List<SchemeFacts.Member> members = facts.members(schemeId, at);
        Map<String, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.code(), m.name()));
        List<SchemeFacts.Member> covered = unitCode == null ? members
                : members.stream().filter(m -> unitCode.equals(m.code())).toList();
        String scope = unitCode == null ? "Región: todos los miembros del esquema"
                : "Municipio: " + covered.stream().findFirst().map(SchemeFacts.Member::name).orElse(unitCode) + " (" + unitCode + ")";
        String title = (kind == Dossier.Kind.HANDOVER ? "Expediente de empalme — " : "Expediente para candidatos — ")
                + scheme.getName();
        List<String> head = new ArrayList<>();
        head.add(scope);
        head.add("Figura: " + facts.figureName(schemeId).orElse("sin figura registrada")
                + " · Estado: " + Scheme.Status.label(scheme.getStatus()) + " · País: " + scheme.getCountry());
        head.add("Información idéntica para todo destinatario: los datos del esquema a la fecha de corte " + numbers.date(at) + ".");

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Miembros", List.of("Código", "Nombre", "Calidad", "Desde", "Delegado"),
                covered.stream().map(m -> List.of(nz(m.code()), m.name(), "CORE".equals(m.role()) ? "Núcleo" : "Miembro",
                        numbers.date(m.joinedOn()), nz(m.delegate()))).toList(), "Sin miembros a la fecha."));

        List<List<String>> mayors = jdbc.sql("""
                select unit_code, name, coalesce(party, '') as party, period_starts_on, period_ends_on from mayor
                where scheme_id = :s and period_starts_on <= :at and period_ends_on >= :at
                  and (cast(:u as text) is null or unit_code = :u) order by unit_code""")
                .param("s", schemeId).param("at", at).param("u", unitCode)
                .query((rs, n) -> List.of(rs.getString("unit_code"), rs.getString("name"), rs.getString("party"),
                        numbers.date(rs.getObject("period_starts_on", LocalDate.class)) + " a "
                                + numbers.date(rs.getObject("period_ends_on", LocalDate.class)))).list();
        sections.add(new Section("Alcaldes en ejercicio", List.of("Miembro", "Alcalde", "Partido", "Periodo"), mayors,
                "Sin alcaldes registrados."));

        List<ProjectDigest.Project> inherited = projects.projects(schemeId, unitCode);
        sections.add(new Section("Proyectos heredados y su estado",
                List.of("Código", "Proyecto", "Etapa", "Desde", "Costo", "Financiación comprometida", "Avance físico", "Beneficiarios"),
                inherited.stream().map(p -> List.of(p.code(), p.name(), p.stage().label(),
                        numbers.date(p.stageSince()), p.cost() == null ? "—" : numbers.money(p.cost(), p.currency()),
                        numbers.money(p.committed(), p.currency()),
                        p.physicalPercent() == null ? "—" : numbers.percent(p.physicalPercent()),
                        String.join(", ", p.beneficiaries().stream().map(b -> names.getOrDefault(b, b)).toList())))
                        .toList(), "Sin proyectos."));

        sections.add(new Section("Aportes y cartera", List.of("Miembro", "Moneda", "Causado", "Pagado", "Vencido"),
                contributionRows(schemeId, unitCode, at, numbers, names), "Sin obligaciones de aporte a la fecha."));

        sections.add(new Section("Acuerdos y actos", List.of("Tipo", "Número", "Fecha", "Expedido por", "Miembro"),
                facts.acts(schemeId).stream().filter(a -> !a.issuedOn().isAfter(at))
                        .filter(a -> unitCode == null || a.unitCode() == null || unitCode.equals(a.unitCode()))
                        .map(a -> List.of(ACT_TYPES.getOrDefault(a.type(), a.type()), a.number(), numbers.date(a.issuedOn()),
                                a.issuer(), nz(a.unitCode()))).toList(), "Sin actos registrados."));

        // A member's dossier carries the goals that concern it: linked to its plans or to its projects.
        List<Plans.GoalStatus> goals = unitCode == null ? plans.statuses(schemeId, at)
                : plans.statusesConcerning(schemeId, at, unitCode, inherited.stream().map(ProjectDigest.Project::id).toList());
        sections.add(new Section("Compromisos: metas del plan", List.of("Meta", "Indicador", "Línea base", "Meta", "Fecha límite", "Último valor", "Logrado", "Estado"),
                goals.stream().map(g -> List.of(g.goal().name(), g.goal().indicator() + " (" + g.goal().unit() + ")",
                        numbers.number(g.goal().baseline()), numbers.number(g.goal().target()), numbers.date(g.goal().dueOn()),
                        g.assessment().value() == null ? "—" : numbers.number(g.assessment().value()),
                        g.assessment().achieved() == null ? "—"
                                : numbers.percent(BigDecimal.valueOf(g.assessment().achieved()).movePointRight(2)
                                        .setScale(0, RoundingMode.HALF_UP)),
                        STATUS.get(g.assessment().status().name()))).toList(),
                unitCode == null ? "Sin metas definidas." : "Sin metas que conciernan a este municipio."));

        sections.add(new Section("Necesidades de inversión abiertas", List.of("Miembro", "Sector", "Necesidad", "Prioridad"),
                projects.openNeeds(schemeId, unitCode).stream().map(n -> List.of(names.getOrDefault(n.unitCode(), n.unitCode()),
                        n.sector(), n.description(), Integer.toString(n.priority()))).toList(), "Sin necesidades abiertas."));
        return new Dossier(kind, title, head, sections);
    }

    private List<List<String>> contributionRows(long schemeId, String unitCode, LocalDate at, CountryFormat numbers,
            Map<String, String> names) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (var o : contributions.obligations(schemeId, unitCode, at)) {
            BigDecimal[] s = sums.computeIfAbsent(o.unitCode() + "\t" + o.currency(),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(o.amount());
            s[1] = s[1].add(o.paid());
        }
        for (var a : contributions.arrears(schemeId, at, unitCode)) {
            BigDecimal[] s = sums.computeIfAbsent(a.unitCode() + "\t" + a.currency(),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[2] = s[2].add(a.total());
        }
        return sums.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("\t");
            return List.of(names.getOrDefault(k[0], k[0]), k[1], numbers.money(e.getValue()[0], k[1]),
                    numbers.money(e.getValue()[1], k[1]), numbers.money(e.getValue()[2], k[1]));
        }).toList();
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
