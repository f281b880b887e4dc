package org.minga.projects.internal.calls;

import org.minga.projects.internal.Bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.minga.projects.internal.calls.FundingCalls.Call;
import org.minga.projects.internal.calls.FundingCalls.CallRef;
import org.minga.projects.internal.calls.FundingCalls.Eligibility;
import org.minga.projects.internal.calls.FundingCalls.ExcludedMember;
import org.minga.projects.internal.calls.FundingCalls.ExcludedProject;
import org.minga.projects.internal.calls.FundingCalls.Member;
import org.minga.projects.internal.calls.FundingCalls.ProjectRef;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.territory.TerritorialUnit;
import org.springframework.stereotype.Service;

/**
 * Who and what of a scheme qualifies for a funding call. Some national sources fund only PDET
 * municipalities (catatumbo L593): for a member a call leaves out, Minga lists the other open calls
 * it qualifies for. The reasons are pure ({@link #reasons}, {@link #projectReasons}); the service
 * reads the members, the candidate projects and the units' attributes once.
 */
@Service
public record CallEligibility(Bank bank, FundingCalls calls, SchemeFacts facts) {

    /**
     * Who and what of the scheme qualifies for the call on the day. Members are the scheme's members
     * on the day; yearly attributes (pdet, category) are those in force on the day. A project
     * qualifies when it is in a candidate stage, its sector is one of the call's, its cost is known,
     * in the call's currency and within the maximum, and it has beneficiaries, all of them units the
     * call admits.
     */
    public Eligibility of(long schemeId, long callId, LocalDate at) {
        Scheme scheme = bank.schemes().get(schemeId);
        Call call = calls.get(callId);
        String country = scheme.getCountry().name();
        List<String> members = facts.members(schemeId, at).stream().map(SchemeFacts.Member::code)
                .filter(Objects::nonNull).distinct().sorted().toList();
        List<ProjectRef> projects = bank.jdbc().sql("""
                select p.id, p.code, p.name, p.sector, p.stage, p.cost, p.currency,
                       coalesce((select array_agg(b.unit_code order by b.unit_code) from project_beneficiary b
                                  where b.project_id = p.id), '{}') as beneficiaries
                from project p where p.scheme_id = :s and p.stage in (:stages) order by p.code
                """).param("s", schemeId).param("stages", FundingCalls.CANDIDATE_STAGES)
                .query((rs, n) -> new ProjectRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("sector"), rs.getString("stage"), rs.getBigDecimal("cost"),
                        rs.getString("currency"), FundingCalls.strings(rs.getArray("beneficiaries")))).list();
        Set<String> codes = new LinkedHashSet<>(members);
        projects.forEach(p -> codes.addAll(p.beneficiaries()));
        Units units = units(country, codes, at);
        List<Call> others = calls.list(at).stream().filter(c -> c.id() != callId && c.country().equals(country)).toList();

        List<Member> eligible = new ArrayList<>();
        List<ExcludedMember> excluded = new ArrayList<>();
        for (String code : members) {
            List<String> reasons = reasons(call, country, code, units);
            if (reasons.isEmpty()) {
                eligible.add(new Member(code, units.name(code)));
            } else {
                List<CallRef> alternatives = others.stream().filter(c -> reasons(c, country, code, units).isEmpty())
                        .map(c -> new CallRef(c.id(), c.name(), c.owner(), c.closesOn(), c.maxAmount(), c.currency()))
                        .toList();
                excluded.add(new ExcludedMember(code, units.name(code), reasons, alternatives));
            }
        }
        List<ProjectRef> eligibleProjects = new ArrayList<>();
        List<ExcludedProject> excludedProjects = new ArrayList<>();
        for (ProjectRef p : projects) {
            List<String> reasons = projectReasons(call, country, p, units);
            if (reasons.isEmpty()) {
                eligibleProjects.add(p);
            } else {
                excludedProjects.add(new ExcludedProject(p, reasons));
            }
        }
        return new Eligibility(call, schemeId, scheme.getName(), at, call.openOn(at), eligible, excluded,
                eligibleProjects, excludedProjects);
    }

    /** The units' names and their pdet and category attributes on a day: three reads. */
    record Units(Map<String, TerritorialUnit> found, Map<String, String> pdet, Map<String, String> category) {

        String name(String code) {
            TerritorialUnit u = found.get(code);
            return u == null ? code : u.name();
        }
    }

    Units units(String country, Set<String> codes, LocalDate at) {
        if (codes.isEmpty()) {
            return new Units(Map.of(), Map.of(), Map.of());
        }
        return new Units(bank.territory().findAll(country, codes, at), bank.territory().attributeAt(country, codes, "pdet", at),
                bank.territory().attributeAt(country, codes, "category", at));
    }

    /** Why a unit may not take part in the call, in Spanish; empty when it may. */
    static List<String> reasons(Call call, String country, String code, Units units) {
        List<String> reasons = new ArrayList<>();
        if (!call.country().equals(country)) {
            reasons.add("La convocatoria es para unidades de " + countryName(call.country()) + ".");
            return reasons;
        }
        if (!call.units().isEmpty() && !call.units().contains(code)) {
            reasons.add("No está entre las unidades que lista la convocatoria.");
        }
        if (call.pdetOnly()) {
            String pdet = units.pdet().get(code);
            if (pdet == null) {
                reasons.add("La convocatoria es solo para municipios PDET y no hay dato PDET registrado para la unidad.");
            } else if (!pdet.equalsIgnoreCase("true") && !pdet.equals("1")) {
                reasons.add("La convocatoria es solo para municipios PDET y la unidad no es PDET.");
            }
        }
        if (!call.categories().isEmpty()) {
            String category = units.category().get(code);
            String allowed = String.join(", ", call.categories());
            if (category == null) {
                reasons.add("Sin categoría municipal registrada; la convocatoria admite las categorías " + allowed + ".");
            } else if (!call.categories().contains(category.toUpperCase())) {
                reasons.add("Su categoría municipal (" + category + ") no está entre las admitidas (" + allowed + ").");
            }
        }
        return reasons;
    }

    static List<String> projectReasons(Call call, String country, ProjectRef p, Units units) {
        List<String> reasons = new ArrayList<>();
        if (call.sectors().stream().noneMatch(s -> s.equalsIgnoreCase(p.sector() == null ? "" : p.sector().strip()))) {
            reasons.add("Su sector (" + p.sector() + ") no está entre los de la convocatoria.");
        }
        if (p.cost() == null) {
            reasons.add("No tiene costo registrado.");
        } else if (!call.currency().equals(p.currency())) {
            reasons.add("Su costo está en " + p.currency() + " y la convocatoria financia en " + call.currency() + ".");
        } else if (p.cost().compareTo(call.maxAmount()) > 0) {
            reasons.add("Su costo (" + p.cost().toPlainString() + " " + p.currency() + ") supera el monto máximo ("
                    + call.maxAmount().toPlainString() + " " + call.currency() + ").");
        }
        if (p.beneficiaries().isEmpty()) {
            reasons.add("No tiene beneficiarios registrados.");
        }
        for (String b : p.beneficiaries()) {
            if (!reasons(call, country, b, units).isEmpty()) {
                reasons.add("Beneficia a " + units.name(b) + " (" + b + "), que la convocatoria no admite.");
            }
        }
        return reasons;
    }

    private static String countryName(String country) {
        return country.equals("CO") ? "Colombia" : "El Salvador";
    }
}
