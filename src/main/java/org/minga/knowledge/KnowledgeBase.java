package org.minga.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    public record Input(Long schemeId, String kind, String title, String context, String whatWasDone, String successes,
            String failures, String lessons, String pendingQuestions, String voices, String body, Integer integrality,
            Integer impact, Integer sustainability, Integer replicability, String documentType, String audience,
            String deliveredTo, LocalDate deliveredOn, List<Integer> factors, List<Integer> areas) {
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

    public record Filters(String q, String kind, Integer factor, Integer area, Long schemeId) {
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
        List<Violation> errors = new ArrayList<>();
        Kind kind = null;
        try {
            kind = Kind.valueOf(in.kind() == null ? "" : in.kind().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("kind", "OneOf", "knowledge.kind.invalid"));
        }
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new Violation("title", "NotBlank", "knowledge.title.required"));
        }
        if (kind == Kind.EXPERIENCE && blank(in.context()) && blank(in.whatWasDone())) {
            errors.add(new Violation("context", "NotBlank", "knowledge.experience.context"));
        }
        if (kind == Kind.GOOD_PRACTICE) {
            score(in.integrality(), "integrality", errors);
            score(in.impact(), "impact", errors);
            score(in.sustainability(), "sustainability", errors);
            score(in.replicability(), "replicability", errors);
        }
        if (kind == Kind.TECHNICAL_DOCUMENT && blank(in.documentType())) {
            errors.add(new Violation("documentType", "NotBlank", "knowledge.document.type"));
        }
        List<Integer> factors = in.factors() == null ? List.of() : in.factors().stream().distinct().sorted().toList();
        List<Integer> areas = in.areas() == null ? List.of() : in.areas().stream().distinct().sorted().toList();
        if (factors.stream().anyMatch(f -> f == null || f < 1 || f > FACTORS)) {
            errors.add(new Violation("factors", "Range", "knowledge.factors.range", FACTORS));
        }
        if (areas.stream().anyMatch(a -> a == null || a < 1 || a > AREAS)) {
            errors.add(new Violation("areas", "Range", "knowledge.areas.range", AREAS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
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
        factors.forEach(f -> jdbc.sql("insert into knowledge_tag (item_id, kind, code) values (:i, 'FACTOR', :c)")
                .param("i", id).param("c", f).update());
        areas.forEach(a -> jdbc.sql("insert into knowledge_tag (item_id, kind, code) values (:i, 'AREA', :c)")
                .param("i", id).param("c", a).update());
        Item item = item(id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", kind.name());
        state.put("title", item.title());
        state.put("factors", factors);
        state.put("areas", areas);
        audit.record(Change.created("knowledge_item", id, in.schemeId(), "Conocimiento: " + item.title(), state));
        return item;
    }

    @Transactional(readOnly = true)
    public Item item(long id) {
        List<Integer> factors = tags(id, "FACTOR");
        List<Integer> areas = tags(id, "AREA");
        return jdbc.sql("""
                select id, scheme_id, kind, title, context, what_was_done, successes, failures, lessons, pending_questions,
                       voices, body, integrality, impact, sustainability, replicability, document_type, audience,
                       delivered_to, delivered_on from knowledge_item where id = :i""").param("i", id)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getObject(2, Long.class), Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getObject(15, Integer.class),
                        rs.getObject(16, Integer.class), rs.getString(17), rs.getString(18), rs.getString(19),
                        rs.getDate(20) == null ? null : rs.getDate(20).toLocalDate(), factors, areas))
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
        String q = f.q() == null ? "" : f.q().strip();
        if (q.length() > 200) {
            throw new InvalidInputException("q", "Size", "knowledge.q.size", 200);
        }
        Kind kind = null;
        if (f.kind() != null && !f.kind().isBlank()) {
            try {
                kind = Kind.valueOf(f.kind().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", "OneOf", "knowledge.kind.invalid");
            }
        }
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
                    select k.id, k.kind, k.title, left(coalesce(k.context, k.body, k.lessons, ''), 240),
                           k.integrality + k.impact + k.sustainability + k.replicability, 0
                    from knowledge_item k where true""" + " " + filters + " " + """
                     order by (k.integrality + k.impact + k.sustainability + k.replicability) desc nulls last, k.id desc
                     limit :limit offset :offset""")
                    .param("kind", kind == null ? null : kind.name()).param("scheme", f.schemeId())
                    .param("factor", f.factor()).param("area", f.area()).param("limit", pageSize + 1).param("offset", offset)
                    .query((rs, n) -> new Hit(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                            HtmlUtils.htmlEscape(rs.getString(4), "UTF-8"), rs.getObject(5, Integer.class), 0)).list();
        } else {
            // The query is written out where it is used (not joined from a CTE) so that the planner
            // sees a constant and scans the GIN index; the headline is computed for the page only.
            hits = jdbc.sql("""
                    select k.id, k.kind, k.title,
                           ts_headline('es_unaccent', concat_ws(' … ', k.context, k.what_was_done, k.successes, k.failures,
                               k.lessons, k.pending_questions, k.voices, k.body), websearch_to_tsquery('es_unaccent', :q),
                               :options),
                           k.integrality + k.impact + k.sustainability + k.replicability, found.rank
                    from (select k.id, ts_rank(k.search, websearch_to_tsquery('es_unaccent', :q)) as rank
                          from knowledge_item k
                          where k.search @@ websearch_to_tsquery('es_unaccent', :q)""" + " " + filters + " " + """
                          order by rank desc, k.id desc limit :limit offset :offset) found
                    join knowledge_item k on k.id = found.id
                    order by found.rank desc, k.id desc""")
                    .param("q", q).param("options", HEADLINE).param("kind", kind == null ? null : kind.name())
                    .param("scheme", f.schemeId())
                    .param("factor", f.factor()).param("area", f.area()).param("limit", pageSize + 1).param("offset", offset)
                    .query((rs, n) -> new Hit(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                            mark(rs.getString(4)), rs.getObject(5, Integer.class), rs.getDouble(6))).list();
        }
        boolean hasNext = hits.size() > pageSize;
        return new Page(hasNext ? hits.subList(0, pageSize) : hits, Math.max(0, page), pageSize, hasNext);
    }

    /** Escapes the fragment, then turns the markers into {@code <mark>}: only our tags reach the page. */
    static String mark(String headline) {
        return HtmlUtils.htmlEscape(headline == null ? "" : headline, "UTF-8").replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static void score(Integer v, String field, List<Violation> errors) {
        if (v == null || v < 1 || v > 5) {
            errors.add(new Violation(field, "Range", "knowledge.practice.score"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
