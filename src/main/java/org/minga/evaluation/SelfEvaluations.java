package org.minga.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.identity.SchemePeople;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.Period;
import org.minga.platform.SystemActor;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-evaluation campaigns: a questionnaire copied from a template (RINDE's dimensions, rinde
 * L51–91, or the feedback of catatumbo L1362–1404), answers scored 1–5 by respondent group,
 * anonymous or named, results by dimension and group, and the actions they lead to.
 */
@Service
public class SelfEvaluations {

    public enum Template { RINDE, FEEDBACK }

    /** The feedback groups of catatumbo L1378. */
    public enum Group { DIRECTION, BOARD_ASSEMBLY, MUNICIPAL, INSTITUTIONS, CIVIL_SOCIETY }

    public record Question(long id, String dimension, String text, int position) {
    }

    public record Campaign(long id, long schemeId, String name, Template template, boolean anonymous, LocalDate opensOn,
            LocalDate closesOn) {

        /** Whether the campaign takes answers on a day: from its opening to its closing day, both included. */
        public boolean openOn(LocalDate day) {
            return Period.of(opensOn, closesOn).contains(day);
        }
    }

    public record Answer(long questionId, Integer score, @Size(max = 4000) String comment) {
    }

    /** A campaign as it is entered: open from one day to another, on a template's questionnaire. */
    public record CampaignInput(@NotBlank @Size(max = 300) String name, String template, Boolean anonymous,
            @NotNull LocalDate opensOn, LocalDate closesOn) {
    }

    /** One respondent's answers, with their group and, optionally, their name and member. */
    public record ResponseInput(String group, @Size(max = 300) String name, @Size(max = 10) String unitCode,
            List<@Valid Answer> answers) {
    }

    /** An improvement action on a dimension of the questionnaire. */
    public record ActionInput(String dimension, @NotBlank @Size(max = 4000) String description,
            @NotBlank @Size(max = 300) String responsible, @NotNull LocalDate dueOn) {
    }

    public record Score(String key, double mean, int answers) {
    }

    public record Results(Campaign campaign, int responses, List<Score> byDimension, List<Score> byGroup, Double mean,
            List<String> comments) {
    }

    public record Action(long id, String dimension, String description, String responsible, LocalDate dueOn,
            boolean done) {
    }

    /** The questions of each template, by dimension, in Spanish as they are asked. */
    static final Map<Template, List<String[]>> QUESTIONS = Map.of(Template.RINDE, List.of(
            new String[] {"OBJECTIVES", "Los objetivos del esquema siguen respondiendo a problemas concretos de los miembros."},
            new String[] {"OBJECTIVES", "Los miembros conocen y comparten los objetivos del esquema."},
            new String[] {"GOALS", "El esquema alcanza las metas de su plan de trabajo."},
            new String[] {"GOALS", "Los avances se miden y se comunican con periodicidad."},
            new String[] {"DURATION", "Los tiempos de duración planteados se cumplen."},
            new String[] {"TEAM", "El equipo de apoyo es suficiente y estable."},
            new String[] {"TEAM", "El equipo técnico acompaña a los municipios miembros."},
            new String[] {"FINANCES", "Los miembros pagan sus cuotas de aporte a tiempo."},
            new String[] {"FINANCES", "El esquema cuenta con recursos para funcionar el próximo año."}),
            Template.FEEDBACK, List.of(
            new String[] {"AGENDA", "La agenda de trabajo de la asociación responde a las necesidades del territorio."},
            new String[] {"SERVICES", "Los servicios que presta la asociación son útiles para los miembros."},
            new String[] {"TRUST", "Hay confianza entre los miembros y con la dirección ejecutiva."},
            new String[] {"COMMUNICATION", "La asociación comunica sus resultados de manera oportuna y clara."},
            new String[] {"RESULTS", "Los resultados de la asociación son visibles en los municipios."}));

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;
    private final SchemeFacts facts;
    private final SchemePeople people;
    private final MessageSource messages;

    SelfEvaluations(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes, SchemeFacts facts,
            SchemePeople people, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
        this.facts = facts;
        this.people = people;
    }

    @Transactional
    public Campaign create(long schemeId, CampaignInput in) {
        scopes.requireSchemeWrite(schemeId);
        schemes.get(schemeId);
        Template t = Inputs.enumValue(Template.class, in.template());
        LocalDate opensOn = in.opensOn();
        LocalDate closesOn = in.closesOn();
        new Checks().valid(in)
                .rule(t != null, "template", "OneOf", "evaluation.campaign.template")
                .rule(closesOn != null && (opensOn == null || !closesOn.isBefore(opensOn)), "closesOn", "AfterOpening",
                        "evaluation.campaign.closes")
                .orThrow();
        String name = in.name().strip();
        if (jdbc.sql("select exists (select 1 from evaluation_campaign where scheme_id = :s and lower(name) = lower(:n))")
                .param("s", schemeId).param("n", name).query(Boolean.class).single()) {
            throw new InvalidInputException("name", "Unique", "evaluation.campaign.duplicate", name);
        }
        long id = jdbc.sql("""
                insert into evaluation_campaign (scheme_id, name, template, anonymous, opens_on, closes_on, created_by)
                values (:s, :n, :t, :a, :o, :c, :by) returning id""").param("s", schemeId).param("n", name)
                .param("t", t.name()).param("a", Boolean.TRUE.equals(in.anonymous())).param("o", opensOn).param("c", closesOn)
                .param("by", SystemActor.current()).query(Long.class).single();
        int position = 1;
        for (String[] q : QUESTIONS.get(t)) {
            jdbc.sql("insert into evaluation_question (campaign_id, dimension, text, position) values (:c, :d, :t, :p)")
                    .param("c", id).param("d", q[0]).param("t", q[1]).param("p", position++).update();
        }
        Campaign c = campaign(schemeId, id);
        audit.record(Change.created("evaluation_campaign", id, schemeId, "Autoevaluación " + c.name(),
                Map.of("name", c.name(), "template", t.name(), "anonymous", c.anonymous(), "opensOn", opensOn.toString(),
                        "closesOn", closesOn.toString())));
        return c;
    }

    @Transactional(readOnly = true)
    public List<Campaign> campaigns(long schemeId) {
        return jdbc.sql("""
                select id, scheme_id, name, template, anonymous, opens_on, closes_on from evaluation_campaign
                where scheme_id = :s order by closes_on desc, id desc""").param("s", schemeId)
                .query((rs, n) -> new Campaign(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("name"),
                        Template.valueOf(rs.getString("template")), rs.getBoolean("anonymous"),
                        rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class))).list();
    }

    @Transactional(readOnly = true)
    public Campaign campaign(long schemeId, long campaignId) {
        return campaigns(schemeId).stream().filter(c -> c.id() == campaignId).findFirst()
                .orElseThrow(() -> new NotFoundException("autoevaluación", campaignId));
    }

    @Transactional(readOnly = true)
    public List<Question> questions(long campaignId) {
        return jdbc.sql("select id, dimension, text, position from evaluation_question where campaign_id = :c order by position")
                .param("c", campaignId).query(Question.class).list();
    }

    public record Invitation(String username, boolean responded) {
    }

    /**
     * The scheme's staff invite people to answer: user names of accounts that hold a role in the
     * scheme (its board, staff, member officials). Inviting someone twice changes nothing.
     * Answers how many were newly invited.
     */
    @Transactional
    public int invite(long schemeId, long campaignId, List<String> usernames) {
        scopes.requireSchemeWrite(schemeId);
        Campaign c = campaign(schemeId, campaignId);
        List<String> names = (usernames == null ? List.<String>of() : usernames).stream().map(String::strip)
                .filter(u -> !u.isEmpty()).map(String::toLowerCase).distinct().toList();
        Checks checks = new Checks().rule(!names.isEmpty(), "usernames", "NotEmpty", "evaluation.invitation.empty");
        names.forEach(u -> checks.rule(u.length() <= 100 && people.holdsRoleIn(u, schemeId), "usernames", "Member",
                "evaluation.invitation.notMember", u));
        checks.orThrow();
        int added = 0;
        for (String u : names) {
            added += jdbc.sql("""
                    insert into evaluation_invitation (campaign_id, username, invited_by) values (:c, :u, :by)
                    on conflict do nothing""").param("c", campaignId).param("u", u).param("by", SystemActor.current())
                    .update();
        }
        audit.record(new Change("INVITE", "evaluation_campaign", campaignId, schemeId, "Invitaciones a " + c.name(),
                null, Map.of("usernames", names)));
        return added;
    }

    @Transactional(readOnly = true)
    public List<Invitation> invitations(long campaignId) {
        return jdbc.sql("""
                select username, responded_at is not null as responded from evaluation_invitation
                where campaign_id = :c order by username""").param("c", campaignId).query(Invitation.class).list();
    }

    /** Whether the signed-in person is invited and has not answered yet. */
    @Transactional(readOnly = true)
    public boolean mayRespond(long campaignId) {
        return jdbc.sql("""
                select exists (select 1 from evaluation_invitation where campaign_id = :c and username = :u
                               and responded_at is null)""").param("c", campaignId)
                .param("u", SystemActor.current().toLowerCase()).query(Boolean.class).single();
    }

    /** Whether the signed-in person was invited and has answered. */
    @Transactional(readOnly = true)
    public boolean responded(long campaignId) {
        return jdbc.sql("""
                select exists (select 1 from evaluation_invitation where campaign_id = :c and username = :u
                               and responded_at is not null)""").param("c", campaignId)
                .param("u", SystemActor.current().toLowerCase()).query(Boolean.class).single();
    }

    /**
     * Records one invited respondent's answers, once per person and campaign: anyone not invited
     * is refused before their input is even read, and a second response is refused (in an
     * anonymous campaign the first cannot be found to be replaced). In an anonymous campaign no
     * name is kept with the answers. Every question needs a score 1–5, within the campaign's dates.
     */
    @Transactional
    public long respond(long schemeId, long campaignId, ResponseInput in, LocalDate today) {
        Campaign c = campaign(schemeId, campaignId);
        String respondent = SystemActor.current().toLowerCase();
        boolean invited = jdbc.sql("select exists (select 1 from evaluation_invitation where campaign_id = :c and username = :u)")
                .param("c", campaignId).param("u", respondent).query(Boolean.class).single();
        if (!invited) {
            throw new AccessDeniedException(messages.getMessage("evaluation.response.refused", null,
                    LocaleContextHolder.getLocale()));
        }
        return record(c, in, today, respondent, "Respuesta a " + c.name());
    }

    /**
     * A questionnaire answered on paper (in an assembly or a village without connection),
     * transcribed by the scheme's staff: the same checks as an online answer, no invitation taken,
     * and the audit names who transcribed it.
     */
    @Transactional
    public long respondOnPaper(long schemeId, long campaignId, ResponseInput in, LocalDate today) {
        scopes.requireSchemeWrite(schemeId);
        Campaign c = campaign(schemeId, campaignId);
        return record(c, in, today, null,
                "Respuesta en papel a " + c.name() + ", transcrita por " + SystemActor.current());
    }

    /** Checks and stores one response; an online respondent's invitation is taken atomically. */
    private long record(Campaign c, ResponseInput in, LocalDate today, String respondent, String summary) {
        long schemeId = c.schemeId();
        long campaignId = c.id();
        Group g = Inputs.enumValue(Group.class, in.group());
        String unit = Inputs.text(in.unitCode());
        String name = Inputs.text(in.name());
        Checks checks = new Checks().valid(in)
                .rule(g != null, "group", "OneOf", "evaluation.response.group")
                .rule(c.openOn(today), "campaign", "Open",
                        "evaluation.response.closed", c.opensOn(), c.closesOn())
                .rule(unit == null || facts.members(schemeId, today).stream().anyMatch(m -> unit.equals(m.code())),
                        "unitCode", "Member", "evaluation.response.unit", unit)
                .rule(c.anonymous() || name != null, "name", "NotBlank", "evaluation.response.name");
        Map<Long, Answer> byQuestion = new LinkedHashMap<>();
        (in.answers() == null ? List.<Answer>of() : in.answers()).forEach(a -> byQuestion.put(a.questionId(), a));
        for (Question q : questions(campaignId)) {
            Answer a = byQuestion.get(q.id());
            checks.rule(a != null && a.score() != null && a.score() >= 1 && a.score() <= 5, "q" + q.id(), "Range",
                    "evaluation.response.score", q.position());
        }
        checks.orThrow();
        // Taking the invitation is atomic: of two simultaneous responses, one finds it already taken.
        if (respondent != null && jdbc.sql("""
                update evaluation_invitation set responded_at = now()
                where campaign_id = :c and username = :u and responded_at is null""")
                .param("c", campaignId).param("u", respondent).update() == 0) {
            throw new InvalidInputException("campaign", "OneResponse", "evaluation.response.duplicate");
        }
        long id = jdbc.sql("""
                insert into evaluation_response (campaign_id, respondent_group, respondent_name, unit_code)
                values (:c, :g, :n, :u) returning id""").param("c", campaignId).param("g", g.name())
                .param("n", c.anonymous() ? null : name).param("u", unit).query(Long.class).single();
        for (Question q : questions(campaignId)) {
            Answer a = byQuestion.get(q.id());
            jdbc.sql("insert into evaluation_answer (response_id, question_id, score, comment) values (:r, :q, :s, :c)")
                    .param("r", id).param("q", q.id()).param("s", a.score())
                    .param("c", Inputs.text(a.comment())).update();
        }
        audit.record(Change.created("evaluation_response", id, schemeId, summary,
                Map.of("campaignId", campaignId, "group", g.name(), "unitCode", unit == null ? "" : unit)));
        return id;
    }

    @Transactional(readOnly = true)
    public Results results(long schemeId, long campaignId) {
        Campaign c = campaign(schemeId, campaignId);
        int responses = jdbc.sql("select count(*) from evaluation_response where campaign_id = :c").param("c", campaignId)
                .query(Integer.class).single();
        List<Score> byDimension = jdbc.sql("""
                select q.dimension as key, avg(a.score)::float8 as mean, count(*) as answers from evaluation_answer a
                join evaluation_question q on q.id = a.question_id where q.campaign_id = :c
                group by q.dimension order by min(q.position)""").param("c", campaignId)
                .query(SelfEvaluations::score).list();
        List<Score> byGroup = jdbc.sql("""
                select r.respondent_group as key, avg(a.score)::float8 as mean, count(*) as answers from evaluation_answer a
                join evaluation_response r on r.id = a.response_id where r.campaign_id = :c
                group by r.respondent_group order by r.respondent_group""").param("c", campaignId)
                .query(SelfEvaluations::score).list();
        Double mean = jdbc.sql("""
                select avg(a.score)::float8 from evaluation_answer a join evaluation_response r on r.id = a.response_id
                where r.campaign_id = :c""").param("c", campaignId).query(Double.class).optional().orElse(null);
        List<String> comments = jdbc.sql("""
                select a.comment from evaluation_answer a join evaluation_response r on r.id = a.response_id
                where r.campaign_id = :c and a.comment is not null order by r.id, a.question_id limit 200""")
                .param("c", campaignId).query(String.class).list();
        return new Results(c, responses, byDimension, byGroup, mean == null ? null : HealthIndex.round(mean), comments);
    }

    @Transactional
    public Action addAction(long schemeId, long campaignId, ActionInput in) {
        scopes.requireSchemeWrite(schemeId);
        campaign(schemeId, campaignId);
        String dimension = in.dimension();
        new Checks().valid(in)
                .rule(dimension != null && questions(campaignId).stream().anyMatch(q -> q.dimension().equals(dimension)),
                        "dimension", "OneOf", "evaluation.action.dimension")
                .orThrow();
        String description = in.description().strip();
        String responsible = in.responsible().strip();
        LocalDate dueOn = in.dueOn();
        long id = jdbc.sql("""
                insert into evaluation_action (campaign_id, dimension, description, responsible, due_on, created_by)
                values (:c, :d, :t, :r, :due, :by) returning id""").param("c", campaignId).param("d", dimension)
                .param("t", description).param("r", responsible).param("due", dueOn).param("by", SystemActor.current())
                .query(Long.class).single();
        audit.record(Change.created("evaluation_action", id, schemeId, "Acción de mejora",
                Map.of("dimension", dimension, "description", description, "dueOn", dueOn.toString())));
        return new Action(id, dimension, description, responsible, dueOn, false);
    }

    @Transactional(readOnly = true)
    public List<Action> actions(long campaignId) {
        return jdbc.sql("select id, dimension, description, responsible, due_on, done from evaluation_action where campaign_id = :c order by id")
                .param("c", campaignId).query(Action.class).list();
    }

    /** The latest campaign with answers: its name, mean score and how many current members answered. */
    @Transactional(readOnly = true)
    public Latest latest(long schemeId) {
        return jdbc.sql("""
                select c.name as campaign, avg(a.score)::float8 as mean,
                       count(distinct r.unit_code) as answering_members
                from evaluation_campaign c join evaluation_response r on r.campaign_id = c.id
                join evaluation_answer a on a.response_id = r.id
                where c.scheme_id = :s group by c.id, c.name, c.closes_on order by c.closes_on desc, c.id desc limit 1""")
                .param("s", schemeId).query(Latest.class).optional().orElse(null);
    }

    public record Latest(String campaign, double mean, int answeringMembers) {
    }

    private static Score score(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Score(rs.getString("key"), HealthIndex.round(rs.getDouble("mean")), rs.getInt("answers"));
    }
}
