package org.minga.projects.internal;

import java.util.List;
import java.util.Map;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.NotFoundException;
import org.minga.projects.internal.Projects.Beneficiary;
import org.minga.projects.internal.Projects.BeneficiaryView;
import org.minga.projects.internal.Projects.Project;
import org.minga.territory.TerritorialUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The units a project benefits, with their families and people (the rules: {@link ProjectRules}). */
@Service
public class ProjectBeneficiaries {

    private final Bank bank;
    private final Projects projects;

    ProjectBeneficiaries(Bank bank, Projects projects) {
        this.bank = bank;
        this.projects = projects;
    }

    /** Adds or replaces one beneficiary unit with its families and people. */
    @Transactional
    public BeneficiaryView put(long id, Beneficiary beneficiary) {
        Project p = projects.writable(id);
        String country = bank.country(p.schemeId());
        var today = bank.zones().today(country);
        String code = ProjectRules.unitCode(beneficiary == null ? null : beneficiary.unitCode());
        Checks checks = new Checks();
        List<Beneficiary> checked = ProjectRules.beneficiaries(checks, country,
                List.of(beneficiary == null ? new Beneficiary(null, null, null, null, null) : beneficiary),
                code.isEmpty() ? Map.of() : bank.territory().findAll(country, List.of(code), today),
                bank.memberUnits().coverage(p.schemeId(), today), today, ProjectRules.fieldsOf(1));
        checks.orThrow();
        Beneficiary b = checked.getFirst();
        bank.jdbc().sql("delete from project_beneficiary where project_id = :p and unit_code = :u").param("p", id)
                .param("u", b.unitCode()).update();
        insert(bank.jdbc(), id, b);
        Map<String, Object> state = Bank.state("unitCode", b.unitCode(), "families", b.families(),
                "people", b.people(), "women", b.women(), "men", b.men());
        bank.audit().record(Change.created("project_beneficiary", id + "/" + b.unitCode(), p.schemeId(),
                "Beneficiario " + b.unitCode() + " del proyecto " + p.code(), state));
        return of(id).stream().filter(v -> v.unitCode().equals(b.unitCode())).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(long id, String unitCode) {
        Project p = projects.writable(id);
        int n = bank.jdbc().sql("delete from project_beneficiary where project_id = :p and unit_code = :u").param("p", id)
                .param("u", unitCode).update();
        if (n == 0) {
            throw new NotFoundException("beneficiario", unitCode);
        }
        bank.audit().record(Change.deleted("project_beneficiary", id + "/" + unitCode, p.schemeId(),
                "Beneficiario " + unitCode + " del proyecto " + p.code(), Map.of("unitCode", unitCode)));
    }

    /** The project's beneficiary units with their current names. */
    public List<BeneficiaryView> of(long id) {
        Project p = projects.get(id);
        List<Beneficiary> rows = bank.jdbc().sql("""
                select unit_code, families, people, women, men from project_beneficiary where project_id = :p
                order by unit_code
                """).param("p", id).query(Beneficiary.class).list();
        String country = bank.country(p.schemeId());
        Map<String, TerritorialUnit> units = bank.territory().findAll(country,
                rows.stream().map(Beneficiary::unitCode).toList(), bank.zones().today(country));
        return rows.stream().map(r -> new BeneficiaryView(r.unitCode(),
                units.containsKey(r.unitCode()) ? units.get(r.unitCode()).name() : r.unitCode(), r.families(),
                r.people(), r.women(), r.men())).toList();
    }

    static void insert(JdbcClient jdbc, long projectId, Beneficiary b) {
        jdbc.sql("""
                insert into project_beneficiary (project_id, unit_code, families, people, women, men)
                values (:p, :u, :f, :pe, :w, :m)
                """).param("p", projectId).param("u", b.unitCode()).param("f", b.families())
                .param("pe", b.people()).param("w", b.women()).param("m", b.men()).update();
    }
}
