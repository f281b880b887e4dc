package org.minga.knowledge;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Experiences (context, what was done, successes, failures, lessons, pending questions, voices),
 * good practices scored on integrality, impact, sustainability and replicability (el-salvador
 * L138–152), and technical documents (type, audience, to whom and when delivered); tagged with the
 * 15 key factors and 10 recommendation areas of catatumbo L147–291; full-text search in Spanish
 * that ignores accents and finds word variants (configuration {@code es_unaccent}).
 */
@Service
public class KnowledgeBase {

    public enum Kind { EXPERIENCE, GOOD_PRACTICE, TECHNICAL_DOCUMENT }

    public static final int FACTORS = 15;
    public static final int AREAS = 10;
    /** ts_headline's markers: characters no text carries, replaced by {@code <mark>} after escaping. */
    private static final String START = "\u2e28", STOP = "\u2e29";
    private static final String HEADLINE = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=\" … \"";

    /** The longest text of an item's sections (a report's chapter, not a book). */
    public static final int TEXT = 20_000;

    /**
     * An item as recorded: its shape here, the rules that depend on its kind in {@link #create}.
     * The page form binds it directly.
     */
    public record Input(Long schemeId, String kind, @NotBlank @Size(max = 300) String title,
            @Size(max = TEXT) String context, @Size(max = TEXT) String whatWasDone, @Size(max = TEXT) String successes,
            @Size(max = TEXT) String failures, @Size(max = TEXT) String lessons,
            @Size(max = TEXT) String pendingQuestions, @Size(max = TEXT) String voices, @Size(max = TEXT) String body,
            Integer integrality, Integer impact, Integer sustainability, Integer replicability,
            @Size(max = 300) String documentType, @Size(max = 300) String audience, @Size(max = 300) String deliveredTo,
            LocalDate deliveredOn, List<Integer> factors, List<Integer> areas) {

        /** A new item's form: an experience, of a scheme or of the whole platform. */
        public static Input blank(Long schemeId) {
            return new Input(schemeId, Kind.EXPERIENCE.name(), null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
    }

    public record Item(long id, Long schemeId, Kind kind, String title, String context, String whatWasDone,
            String successes, String failures, String lessons, String pendingQuestions, String voices, String body,
            Integer integrality, Integer impact, Integer sustainability, Integer replicability, String documentType,
            String audience, String deliveredTo, LocalDate deliveredOn, List<Integer> factors, List<Integer> areas) {

        /** The good-practice score, 4–20; null unless all four criteria are scored. */
        public Integer score() {
            return integrality == null || impact == null || sustainability == null || replicability == null ? null
                    : integrality + impact + sustainability + replicability;
        }
    }

    /** A hit: {@code headline} is HTML-escaped text with the matched words in {@code <mark>}. */
    public record Hit(long id, Kind kind, String title, String headline, Integer score, double rank) {
    }

    public record Filters(@Size(max = 200) String q, String kind, Integer factor, Integer area, Long schemeId) {
    }

    public record Page(List<Hit> hits, int page, int size, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Schemes schemes;

    KnowledgeBase(JdbcClient jdbc, Scopes scopes, AuditLog audit, Schemes schemes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.schemes = schemes;
    }

    /** A scheme's staff record its own items; items of no scheme are the platform's and need an administrator. */
    @Transactional
    public Item create(Input in) {
        if (in.schemeId() == null) {
            scopes.requirePlatformAdmin();
        } else {
            scopes.requireSchemeWrite(in.schemeId());
            schemes.get(in.schemeId());
        }
        Checks checks = new Checks().valid(in);
        Kind kind = Inputs.enumValue(Kind.class, in.kind());
        checks.rule(kind != null, "kind", "OneOf", "knowledge.kind.invalid");
        checks.rule(kind != Kind.EXPERIENCE || !blank(in.context()) || !blank(in.whatWasDone()), "context", "NotBlank",
                "knowledge.experience.context");
        if (kind == Kind.GOOD_PRACTICE) {
            score(in.integrality(), "integrality", checks);
            score(in.impact(), "impact", checks);
            score(in.sustainability(), "sustainability", checks);
            score(in.replicability(), "replicability", checks);
        }
        checks.rule(kind != Kind.TECHNICAL_DOCUMENT || !blank(in.documentType()), "documentType", "NotBlank",
                "knowledge.document.type");
        List<Integer> factors = in.factors() == null ? List.of() : in.factors().stream().distinct().sorted().toList();
        List<Integer> areas = in.areas() == null ? List.of() : in.areas().stream().distinct().sorted().toList();
        checks.rule(factors.stream().allMatch(f -> f != null && f >= 1 && f <= FACTORS), "factors", "Range",
                "knowledge.factors.range", FACTORS);
        checks.rule(areas.stream().allMatch(a -> a != null && a >= 1 && a <= AREAS), "areas", "Range",
                "knowledge.areas.range", AREAS);
        checks.orThrow();
        boolean practice = kind == Kind.GOOD_PRACTICE;
        long id = jdbc.sql("""
                insert into knowledge_item (scheme_id, kind, title, context, what_was_done, successes, failures, lessons,
                  pending_questions, voices, body, integrality, impact, sustainability, replicability, document_type,
                  audience, delivered_to, delivered_on, created_by)
                values (:s, :k, :t, :c, :w, :su, :f, :l, :p, :v, :b, :i1, :i2, :i3, :i4, :dt, :au, :to, :on, :by)
                returning id""").param("s", in.schemeId()).param("k", kind.name()).param("t", in.title().strip())
                .param("c", trim(in.context())).param("w", trim(in.whatWasDone())).param("su", trim(in.successes()))
                .param("f", trim(in.failures())).param("l", trim(in.lessons())).param("p", trim(in.pendingQuestions()))
                .param("v", trim(in.voices())).param("b", trim(in.body()))
                .param("i1", practice ? in.integrality() : null).param("i2", practice ? in.impact() : null)
                .param("i3", practice ? in.sustainability() : null).param("i4", practice ? in.replicability() : null)
                .param("dt", trim(in.documentType())).param("au", trim(in.audience())).param("to", trim(in.deliveredTo()))
                .param("on", in.deliveredOn()).param("by", SystemActor.current()).query(Long.class).single();
        tag(id, "FACTOR", factors);
        tag(id, "AREA", areas);
        Item item = item(id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", kind.name());
        state.put("title", item.title());
        state.put("factors", factors);
        state.put("areas", areas);
        audit.record(Change.created("knowledge_item", id, in.schemeId(), "Conocimiento: " + item.title(), state));
        return item;
    }

    /** An item as another page lists it: kind and title. */
    public record Listed(long id, Kind kind, String title) {
    }

    /**
     * The scheme's items, newest first, at most {@code limit}. The knowledge base is published
     * content (every account, a self-registered citizen included, reads it), so its titles may be listed.
     */
    @Transactional(readOnly = true)
    public List<Listed> ofScheme(long schemeId, int limit) {
        return jdbc.sql("select id, kind, title from knowledge_item where scheme_id = :s order by id desc limit :l")
                .param("s", schemeId).param("l", limit).query(Listed.class).list();
    }

    /** Tags an item with codes of one kind, in one statement. */
    private void tag(long id, String kind, List<Integer> codes) {
        if (!codes.isEmpty()) {
            jdbc.sql("insert into knowledge_tag (item_id, kind, code) select :i, :k, unnest(:codes)").param("i", id)
                    .param("k", kind).param("codes", new SqlArrayValue("integer", codes.toArray())).update();
        }
    }

    @Transactional(readOnly = true)
    public Item item(long id) {
        List<Integer> factors = tags(id, "FACTOR");
        List<Integer> areas = tags(id, "AREA");
        return jdbc.sql("""
                select id, scheme_id, kind, title, context, what_was_done, successes, failures, lessons, pending_questions,
                       voices, body, integrality, impact, sustainability, replicability, document_type, audience,
                       delivered_to, delivered_on from knowledge_item where id = :i""").param("i", id)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getObject("scheme_id", Long.class),
                        Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("context"),
                        rs.getString("what_was_done"), rs.getString("successes"), rs.getString("failures"),
                        rs.getString("lessons"), rs.getString("pending_questions"), rs.getString("voices"),
                        rs.getString("body"), rs.getObject("integrality", Integer.class),
                        rs.getObject("impact", Integer.class), rs.getObject("sustainability", Integer.class),
                        rs.getObject("replicability", Integer.class), rs.getString("document_type"),
                        rs.getString("audience"), rs.getString("delivered_to"),
                        rs.getObject("delivered_on", LocalDate.class), factors, areas))
                .optional().orElseThrow(() -> new NotFoundException("elemento de conocimiento", id));
    }

    private List<Integer> tags(long id, String kind) {
        return jdbc.sql("select code from knowledge_tag where item_id = :i and kind = :k order by code").param("i", id)
                .param("k", kind).query(Integer.class).list();
    }

    /**
     * One page of items: with a query, the matches by rank with highlighted fragments (ts_headline is
     * computed for the page's rows only); without one, the newest first (good practices by score).
     * Fetches one row more than the page to know whether another follows, so no count is needed.
     */
    @Transactional(readOnly = true)
    public Page search(Filters f, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 50));
        int offset = Math.max(0, page) * pageSize;
        Checks checks = new Checks().valid(f);
        Kind kind = Inputs.enumValue(Kind.class, f.kind());
        checks.rule(kind != null || Inputs.text(f.kind()) == null, "kind", "OneOf", "knowledge.kind.invalid");
        checks.orThrow();
        String q = f.q() == null ? "" : f.q().strip();
        String filters = """
                 and (cast(:kind as text) is null or k.kind = :kind)
                 and (cast(:scheme as bigint) is null or k.scheme_id = :scheme)
                 and (cast(:factor as integer) is null or exists (select 1 from knowledge_tag t where t.item_id = k.id
                      and t.kind = 'FACTOR' and t.code = :factor))
                 and (cast(:area as integer) is null or exists (select 1 from knowledge_tag t where t.item_id = k.id
                      and t.kind = 'AREA' and t.code = :area))""";
        List<Hit> hits;
        if (q.isEmpty()) {
            hits = jdbc.sql("""
                    select k.id, k.kind, k.title, left(coalesce(k.context, k.body, k.lessons, ''), 240) as headline,
                           k.integrality + k.impact + k.sustainability + k.replicability as score, 0 as rank
                    from knowledge_item k where true""" + " " + filters + " " + """
                     order by (k.integrality + k.impact + k.sustainability + k.replicability) desc nulls last, k.id desc
                     limit :limit offset :offset""")
                    .param("kind", kind == null ? null : kind.name()).param("scheme", f.schemeId())
                    .param("factor", f.factor()).param("area", f.area()).param("limit", pageSize + 1).param("offset", offset)
                    .query((rs, n) -> hit(rs, HtmlUtils.htmlEscape(rs.getString("headline"), "UTF-8"))).list();
        } else {
            // The query is written out where it is used (not joined from a CTE) so that the planner
            // sees a constant and scans the GIN index; the headline is computed for the page only.
            hits = jdbc.sql("""
                    select k.id, k.kind, k.title,
                           ts_headline('es_unaccent', concat_ws(' … ', k.context, k.what_was_done, k.successes, k.failures,
                               k.lessons, k.pending_questions, k.voices, k.body), websearch_to_tsquery('es_unaccent', :q),
                               :options) as headline,
                           k.integrality + k.impact + k.sustainability + k.replicability as score, found.rank
                    from (select k.id, ts_rank(k.search, websearch_to_tsquery('es_unaccent', :q)) as rank
                          from knowledge_item k
                          where k.search @@ websearch_to_tsquery('es_unaccent', :q)""" + " " + filters + " " + """
                          order by rank desc, k.id desc limit :limit offset :offset) found
                    join knowledge_item k on k.id = found.id
                    order by found.rank desc, k.id desc""")
                    .param("q", q).param("options", HEADLINE).param("kind", kind == null ? null : kind.name())
                    .param("scheme", f.schemeId())
                    .param("factor", f.factor()).param("area", f.area()).param("limit", pageSize + 1).param("offset", offset)
                    .query((rs, n) -> hit(rs, mark(rs.getString("headline")))).list();
        }
        boolean hasNext = hits.size() > pageSize;
        return new Page(hasNext ? hits.subList(0, pageSize) : hits, Math.max(0, page), pageSize, hasNext);
    }

    private static Hit hit(java.sql.ResultSet rs, String headline) throws java.sql.SQLException {
        return new Hit(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"), headline,
                rs.getObject("score", Integer.class), rs.getDouble("rank"));
    }

    /** Escapes the fragment, then turns the markers into {@code <mark>}: only our tags reach the page. */
    static String mark(String headline) {
        return HtmlUtils.htmlEscape(headline == null ? "" : headline, "UTF-8").replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static void score(Integer v, String field, Checks checks) {
        checks.rule(v != null && v >= 1 && v <= 5, field, "Range", "knowledge.practice.score");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return Inputs.text(s);
    }
}
