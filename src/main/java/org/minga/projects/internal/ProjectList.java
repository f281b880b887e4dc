package org.minga.projects.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.minga.projects.Stage;
import org.minga.platform.Inputs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The project list of a scheme, filtered and paginated: one query per page; committed amounts and
 * beneficiaries are aggregated only for the page's rows.
 */
@Service
public record ProjectList(JdbcClient jdbc, org.minga.identity.Scopes scopes) {

    public record Filters(String stage, String sector, String unit, String q) {

        public static Filters none() {
            return new Filters(null, null, null, null);
        }
    }

    public record Item(long id, String code, String bpin, String name, String sector, Stage stage, BigDecimal cost,
            String currency, BigDecimal committed, List<String> beneficiaries) {
    }

    public record Page(List<Item> items, int page, int size, boolean hasNext) {
    }

    /** A project benefiting a unit, with its scheme. */
    public record UnitItem(long id, long schemeId, String code, String name, String sector, Stage stage,
            BigDecimal cost, String currency) {
    }

    public Page page(long schemeId, Filters filters, int page, int size) {
        int p = Math.max(0, page);
        int n = Math.clamp(size, 1, 500);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(schemeId, filters, params);
        params.put("limit", n + 1);
        params.put("offset", (long) p * n);
        String sql = "with page as (select p.id, p.code, p.bpin, p.name, p.sector, p.stage, p.cost, p.currency"
                + " from project p " + where + " order by p.id limit :limit offset :offset)\n" + AGGREGATES
                + " order by page.id";
        List<Item> rows = jdbc.sql(sql).params(params).query(ProjectList::map).list();
        boolean more = rows.size() > n;
        return new Page(more ? rows.subList(0, n) : rows, p, n, more);
    }

    /** Every project matching the filters, in id order, one at a time (for exports). */
    public void each(long schemeId, Filters filters, Consumer<Item> action) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(schemeId, filters, params);
        String sql = "with page as (select p.id, p.code, p.bpin, p.name, p.sector, p.stage, p.cost, p.currency"
                + " from project p " + where + ")\n" + AGGREGATES + " order by page.id";
        try (var stream = jdbc.sql(sql).params(params).query(ProjectList::map).stream()) {
            stream.forEach(action);
        }
    }

    /** How many projects the scheme's bank holds, and how many of them are in execution. */
    public record Counts(long projects, long inExecution) {
    }

    public Counts counts(long schemeId) {
        return jdbc.sql("""
                select count(*) as projects, count(*) filter (where stage = 'IN_EXECUTION') as in_execution
                from project where scheme_id = :s""").param("s", schemeId).query(Counts.class).single();
    }

    /** The projects of any scheme that benefit the unit. */
    public List<UnitItem> forUnit(String unitCode, int page, int size) {
        // Only the schemes whose records the reader may see (a unit can be a member of several schemes).
        List<Long> readable = jdbc.sql("""
                select distinct p.scheme_id from project_beneficiary b join project p on p.id = b.project_id
                where b.unit_code = :u""").param("u", unitCode).query(Long.class).list().stream()
                .filter(scopes::canReadScheme).toList();
        if (readable.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.scheme_id, p.code, p.name, p.sector, p.stage, p.cost, p.currency
                from project_beneficiary b join project p on p.id = b.project_id
                where b.unit_code = :u and p.scheme_id in (:schemes) order by p.scheme_id, p.id limit :limit offset :offset
                """).param("u", unitCode).param("schemes", readable).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> new UnitItem(rs.getLong("id"), rs.getLong("scheme_id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("sector"), Stage.valueOf(rs.getString("stage")),
                        rs.getBigDecimal("cost"), rs.getString("currency").strip())).list();
    }

    private static final String AGGREGATES = """
            select page.id, page.code, page.bpin, page.name, page.sector, page.stage, page.cost, page.currency,
                coalesce((select sum(f.amount) from financing_line f
                          where f.project_id = page.id and f.currency = page.currency and f.voided_at is null), 0) as committed,
                array(select b.unit_code from project_beneficiary b where b.project_id = page.id
                      order by b.unit_code) as beneficiaries
            from page""";

    private static String where(long schemeId, Filters f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("where p.scheme_id = :s");
        params.put("s", schemeId);
        if (f == null) {
            return sql.toString();
        }
        Stage stage = Stage.parse(f.stage());
        if (stage != null) {
            sql.append(" and p.stage = :stage");
            params.put("stage", stage.name());
        }
        if (Inputs.text(f.sector()) != null) {
            sql.append(" and p.sector = :sector");
            params.put("sector", f.sector().strip());
        }
        if (Inputs.text(f.unit()) != null) {
            sql.append(" and exists (select 1 from project_beneficiary b where b.project_id = p.id"
                    + " and b.unit_code = :unit)");
            params.put("unit", f.unit().strip().toUpperCase());
        }
        if (Inputs.text(f.q()) != null) {
            sql.append(" and (p.code ilike :q or p.name ilike :q or p.bpin = :bpin)");
            String q = f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("q", "%" + q + "%");
            params.put("bpin", f.q().strip());
        }
        return sql.toString();
    }

    private static Item map(ResultSet rs, int n) throws SQLException {
        Array a = rs.getArray("beneficiaries");
        List<String> codes = a == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) a.getArray()));
        return new Item(rs.getLong("id"), rs.getString("code"), rs.getString("bpin"), rs.getString("name"),
                rs.getString("sector"), Stage.valueOf(rs.getString("stage")), rs.getBigDecimal("cost"),
                rs.getString("currency").strip(), rs.getBigDecimal("committed").setScale(2), codes);
    }
}
