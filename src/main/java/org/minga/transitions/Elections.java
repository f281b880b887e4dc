package org.minga.transitions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
import org.minga.registry.Scheme;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who governs and who runs: the mayor of each member per government period, and the elections of
 * a scheme (of one member's mayor, or of the region) with their candidates. The dossiers handed
 * to them are {@link Transitions}'.
 */
@Service
public class Elections {

    public record Mayor(long id, String unitCode, String name, String party, LocalDate periodStartsOn,
            LocalDate periodEndsOn) {
    }

    /** An election; its candidate dossiers are built as of {@code cutOffOn}, whatever the day they are generated. */
    public record Election(long id, long schemeId, String name, String unitCode, LocalDate heldOn,
            LocalDate periodStartsOn, LocalDate periodEndsOn, LocalDate cutOffOn) {
    }

    public record Candidate(long id, long electionId, String name, String party) {
    }

    /** A mayor as recorded: the member, the name, the party; the period is the one in course on {@code on} (today if none). */
    public record MayorInput(@Size(max = 20) String unitCode, @NotBlank @Size(max = 300) String name,
            @Size(max = 300) String party, LocalDate on) {
    }

    /**
     * An election as created: of one member ({@code unitCode}) or of the region (blank); its date is
     * required; the cut-off date of its dossiers is today when not given, never after today nor the election.
     */
    public record ElectionInput(@NotBlank @Size(max = 300) String name, @Size(max = 20) String unitCode,
            LocalDate heldOn, LocalDate cutOffOn) {
    }

    /** A candidate of an election. */
    public record CandidateInput(@NotBlank @Size(max = 300) String name, @Size(max = 300) String party) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final SchemeFacts facts;
    private final Zones zones;

    Elections(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, SchemeFacts facts, Zones zones) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.facts = facts;
        this.zones = zones;
    }

    /** Today in the scheme's country. */
    LocalDate today(Scheme scheme) {
        return zones.today(scheme.getCountry().name());
    }

    /** Today in the scheme's country: the day a dossier is made of and members are counted on. */
    public LocalDate today(long schemeId) {
        return today(schemes.get(schemeId));
    }

    /** The scheme's members today. */
    @Transactional(readOnly = true)
    public List<SchemeFacts.Member> membersToday(long schemeId) {
        return facts.members(schemeId, today(schemeId));
    }

    /** Adds a {@code Member} violation on {@code unitCode} unless the unit is a member of the scheme on the date. */
    void member(long schemeId, String unit, LocalDate on, Checks checks) {
        var member = facts.members(schemeId, on).stream().filter(m -> unit.equals(m.code())).findFirst();
        checks.rule(member.isPresent(), "unitCode", "Member", "transitions.unit.member", unit);
        // A Salvadoran district has had no mayor or council of its own since 1 May 2024: its municipality has.
        member.filter(m -> "DISTRICT".equals(m.level())).ifPresent(m -> checks.add(new InvalidInputException.Violation(
                "unitCode", "LegalUnit", "transitions.unit.district", m.name(), m.parentName(), m.parentCode())));
    }

    /** Records the mayor of a member for the government period in course on the input's date (today if none). */
    @Transactional
    public Mayor addMayor(long schemeId, MayorInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Checks checks = new Checks().valid(in);
        LocalDate date = in.on() == null ? today(scheme) : in.on();
        String unit = in.unitCode() == null ? "" : in.unitCode().strip();
        member(schemeId, unit, date, checks);
        checks.orThrow();
        String name = in.name().strip();
        String party = Inputs.text(in.party());
        var period = GovernmentPeriods.at(scheme.getCountry().name(), date);
        if (jdbc.sql("select exists (select 1 from mayor where scheme_id = :s and unit_code = :u and period_starts_on = :p)")
                .param("s", schemeId).param("u", unit).param("p", period.startsOn()).query(Boolean.class).single()) {
            throw new InvalidInputException("unitCode", "Unique", "transitions.mayor.duplicate", unit, period.startsOn());
        }
        long id = jdbc.sql("""
                insert into mayor (scheme_id, unit_code, name, party, period_starts_on, period_ends_on, created_by)
                values (:s, :u, :n, :p, :a, :b, :by) returning id""").param("s", schemeId).param("u", unit)
                .param("n", name).param("p", party).param("a", period.startsOn())
                .param("b", period.endsOn()).param("by", SystemActor.current()).query(Long.class).single();
        Mayor m = new Mayor(id, unit, name, party, period.startsOn(), period.endsOn());
        audit.record(Change.created("mayor", id, schemeId, "Alcalde " + m.name() + " de " + unit,
                Map.of("unitCode", unit, "name", m.name(), "periodStartsOn", period.startsOn().toString())));
        return m;
    }

    @Transactional(readOnly = true)
    public List<Mayor> mayors(long schemeId) {
        return jdbc.sql("""
                select id, unit_code, name, party, period_starts_on, period_ends_on from mayor where scheme_id = :s
                order by period_starts_on desc, unit_code""").param("s", schemeId).query(Mayor.class).list();
    }

    /** An election of one member's mayor ({@code unitCode}) or of the region (blank); it elects the next period. */
    @Transactional
    public Election createElection(long schemeId, ElectionInput in) {
        scopes.requireSchemeWrite(schemeId);
        Scheme scheme = schemes.get(schemeId);
        Checks checks = new Checks().valid(in);
        checks.rule(in.heldOn() != null, "heldOn", "NotNull", "transitions.election.heldOn");
        LocalDate today = today(scheme);
        LocalDate cutOff = in.cutOffOn() != null ? in.cutOffOn()
                : in.heldOn() != null && in.heldOn().isBefore(today) ? in.heldOn() : today;
        checks.rule(!cutOff.isAfter(today) && (in.heldOn() == null || !cutOff.isAfter(in.heldOn())), "cutOffOn",
                "Range", "transitions.election.cutOff");
        String unit = Inputs.text(in.unitCode());
        if (unit != null) {
            member(schemeId, unit, in.heldOn() == null ? today(scheme) : in.heldOn(), checks);
        }
        checks.orThrow();
        String name = in.name().strip();
        if (elections(schemeId).stream().anyMatch(e -> e.name().equalsIgnoreCase(name))) {
            throw new InvalidInputException("name", "Unique", "transitions.election.duplicate", name);
        }
        var period = GovernmentPeriods.electedBy(scheme.getCountry().name(), in.heldOn());
        long id = jdbc.sql("""
                insert into election (scheme_id, name, unit_code, held_on, period_starts_on, period_ends_on, cut_off_on,
                  created_by)
                values (:s, :n, :u, :h, :a, :b, :c, :by) returning id""").param("s", schemeId).param("n", name)
                .param("u", unit).param("h", in.heldOn()).param("a", period.startsOn()).param("b", period.endsOn())
                .param("c", cutOff).param("by", SystemActor.current()).query(Long.class).single();
        audit.record(Change.created("election", id, schemeId, "Elección " + name, Map.of("name", name,
                "heldOn", in.heldOn().toString(), "unitCode", unit == null ? "" : unit, "cutOffOn", cutOff.toString())));
        return election(schemeId, id);
    }

    @Transactional(readOnly = true)
    public List<Election> elections(long schemeId) {
        return jdbc.sql("""
                select id, scheme_id, name, unit_code, held_on, period_starts_on, period_ends_on, cut_off_on from election
                where scheme_id = :s order by held_on desc, id desc""").param("s", schemeId).query(Election.class).list();
    }

    @Transactional(readOnly = true)
    public Election election(long schemeId, long electionId) {
        return elections(schemeId).stream().filter(e -> e.id() == electionId).findFirst()
                .orElseThrow(() -> new NotFoundException("elección", electionId));
    }

    @Transactional
    public Candidate addCandidate(long schemeId, long electionId, CandidateInput in) {
        scopes.requireSchemeWrite(schemeId);
        election(schemeId, electionId);
        Checks.require(in);
        String name = in.name().strip();
        String party = Inputs.text(in.party());
        if (candidates(electionId).stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
            throw new InvalidInputException("name", "Unique", "transitions.candidate.duplicate", name);
        }
        long id = jdbc.sql("insert into candidate (election_id, name, party) values (:e, :n, :p) returning id")
                .param("e", electionId).param("n", name).param("p", party).query(Long.class).single();
        audit.record(Change.created("candidate", id, schemeId, "Candidato " + name,
                Map.of("electionId", electionId, "name", name)));
        return new Candidate(id, electionId, name, party);
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long electionId) {
        return jdbc.sql("select id, election_id, name, party from candidate where election_id = :e order by name, id")
                .param("e", electionId).query(Candidate.class).list();
    }
}
