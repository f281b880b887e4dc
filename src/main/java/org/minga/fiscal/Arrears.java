package org.minga.fiscal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.minga.fiscal.internal.SmallCells;
import java.util.Map;

import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.NamedRows;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrears of the property tax: payments imported from the treasury's CSV (all or nothing), the
 * balance of each parcel and tax year against the official liquidations, ageing, top debtors,
 * recovery per month, and the gap between cadastral and commercial values by zone.
 */
@Service
public class Arrears {

    static final List<String> PAYMENT_COLUMNS = List.of("numero_predial", "vigencia", "fecha_pago", "valor", "referencia");
    static final List<String> COMMERCIAL_COLUMNS = List.of("zona", "destino", "valor_m2");
    /** More payments than a municipality's treasury records in a year. */
    static final int MAX_ROWS = 2_000_000;

    public record Ageing(String bucket, int parcels, long balance) {
    }

    public record Debtor(String parcelNumber, int years, long balance) {
    }

    public record YearRecovery(int year, long due, long paid, BigDecimal percent) {
    }

    public record Month(String month, long paid) {
    }

    public record Gap(String zone, int parcels, long cadastral, long commercial, BigDecimal percent) {
    }

    public record Report(String municipality, int year, long balance, List<Ageing> ageing, List<Debtor> top,
            List<YearRecovery> years, List<Month> months, List<Gap> gaps) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Places places;

    Arrears(JdbcClient jdbc, Scopes scopes, AuditLog audit, Places places) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.places = places;
    }

    /** One payment of the treasury's file, as read and checked. */
    record Payment(String parcel, int year, LocalDate paidOn, long amount, String reference) {
    }

    /** One commercial value per m² of a zone and destination. */
    record CommercialValue(String zone, String destination, long valuePerM2) {
    }

    /** Imports payments; any invalid line and nothing is written. Returns how many were imported. */
    @Transactional
    public int importPayments(long schemeId, String municipality, InputStream content) throws IOException {
        String code = opening(schemeId, municipality, null, false, content);
        List<Payment> rows = new ArrayList<>();
        Checks checks = read(content, PAYMENT_COLUMNS, row -> {
            String reason = paymentProblem(row, code);
            if (reason != null) {
                return reason;
            }
            rows.add(new Payment(row.get("numero_predial"), Integer.parseInt(row.get("vigencia")),
                    Inputs.date(row.get("fecha_pago")), Long.parseLong(row.get("valor")), row.get("referencia")));
            return null;
        });
        checks.rule(!rows.isEmpty() || !checks.ok(), "file", "NotEmpty", "fiscal.payments.file").orThrow();
        long total = rows.stream().mapToLong(Payment::amount).sum();
        jdbc.sql("""
                insert into fiscal_payment (scheme_id, municipality, parcel_number, tax_year, paid_on, amount, reference)
                select :s, :m, t.parcel, t.tax_year, t.paid_on::date, t.amount, t.reference
                from unnest(:parcels, :years, :dates, :amounts, :references) as t(parcel, tax_year, paid_on, amount, reference)""")
                .param("s", schemeId).param("m", code)
                .param("parcels", array("text", rows, Payment::parcel))
                .param("years", array("integer", rows, Payment::year))
                .param("dates", array("text", rows, r -> r.paidOn().toString()))
                .param("amounts", array("bigint", rows, Payment::amount))
                .param("references", array("text", rows, Payment::reference)).update();
        audit.record(new Change("IMPORT", "fiscal_payment", code, schemeId, "Pagos de predial " + code + ": "
                + rows.size() + " pagos por $" + total, null, Map.of("payments", rows.size(), "total", total)));
        return rows.size();
    }

    /** Why a payment row is refused (the column to look at), or null. */
    private static String paymentProblem(NamedRows.Row row, String code) {
        String parcel = row.get("numero_predial");
        if (parcel == null || !parcel.matches("\\d{30}") || !parcel.startsWith(code)) {
            return "numero_predial";
        }
        if (row.get("vigencia") == null || !row.get("vigencia").matches("\\d{4}")) {
            return "vigencia";
        }
        String amount = row.get("valor");
        if (amount == null || !amount.matches("\\d{1,14}") || Long.parseLong(amount) == 0) {
            return "valor";
        }
        try {
            return Inputs.date(row.get("fecha_pago")) == null ? "fecha_pago" : null;
        } catch (IllegalArgumentException e) {
            return "fecha_pago";
        }
    }

    /** Imports commercial values per m² by zone and destination for a year, replacing the year's. */
    @Transactional
    public int importCommercialValues(long schemeId, String municipality, Integer year, InputStream content)
            throws IOException {
        String code = opening(schemeId, municipality, year, true, content);
        List<CommercialValue> rows = new ArrayList<>();
        String columns = String.join(",", COMMERCIAL_COLUMNS);
        Checks checks = read(content, COMMERCIAL_COLUMNS, row -> {
            String zone = row.get("zona");
            String destination = row.get("destino");
            String value = row.get("valor_m2");
            if (zone == null || !zone.matches("[UR]") || destination == null || !destination.matches("[A-T]")
                    || value == null || !value.matches("[1-9]\\d{0,13}")) {
                return columns;
            }
            rows.add(new CommercialValue(zone, destination, Long.parseLong(value)));
            return null;
        });
        checks.orThrow();
        jdbc.sql("delete from fiscal_commercial_value where scheme_id = :s and municipality = :m and year = :y")
                .param("s", schemeId).param("m", code).param("y", year).update();
        jdbc.sql("""
                insert into fiscal_commercial_value (scheme_id, municipality, year, zone, destination, value_per_m2)
                select :s, :m, :y, t.zone, t.destination, t.value from unnest(:zones, :destinations, :values)
                as t(zone, destination, value) on conflict do nothing""").param("s", schemeId).param("m", code)
                .param("y", year).param("zones", array("text", rows, CommercialValue::zone))
                .param("destinations", array("text", rows, CommercialValue::destination))
                .param("values", array("bigint", rows, CommercialValue::valuePerM2)).update();
        audit.record(new Change("IMPORT", "fiscal_commercial_value", code + "-" + year, schemeId,
                "Valores comerciales " + code + " " + year + ": " + rows.size() + " filas", null,
                Map.of("rows", rows.size())));
        return rows.size();
    }

    /** The opening of both imports: scope, scheme, municipality (and year), a file. */
    private String opening(long schemeId, String municipality, Integer year, boolean yearly, InputStream content) {
        Checks checks = new Checks();
        String code = places.writable(schemeId, municipality, year, yearly, checks);
        checks.rule(content != null, "file", "NotEmpty", "fiscal.payments.file").orThrow();
        return code;
    }

    /**
     * Reads a CSV by its header names, streamed; {@code row} returns why a row is refused (or null).
     * The first 20 refused rows are named by line.
     */
    private static Checks read(InputStream content, List<String> columns, java.util.function.Function<NamedRows.Row, String> row)
            throws IOException {
        Checks checks = new Checks();
        int[] refused = {0};
        NamedRows.csv(new InputStreamReader(content, StandardCharsets.UTF_8), MAX_ROWS, columns, r -> {
            String reason = row.apply(r);
            if (reason != null && refused[0]++ < 20) {
                checks.rule(false, "file", "Row", "fiscal.payments.row", String.valueOf(r.number()), reason);
            }
        });
        return checks;
    }

    private static <R> SqlArrayValue array(String type, List<R> rows, java.util.function.Function<R, Object> value) {
        return new SqlArrayValue(type, rows.stream().map(value).toArray());
    }

    private static final String BALANCES = """
            with liq as (
                select distinct on (year) id, year, cadastre_id from fiscal_liquidation
                where scheme_id = :s and municipality = :m and kind = 'OFFICIAL' and status = 'DONE' and year <= :y
                order by year, id desc),
            paid as (
                select tax_year, parcel_number, sum(amount) as amount from fiscal_payment
                where scheme_id = :s and municipality = :m and tax_year <= :y group by tax_year, parcel_number),
            bal as (
                select l.year, c.parcel_number, r.final_tax as due, coalesce(p.amount, 0) as paid
                from liq l join fiscal_liquidation_parcel r on r.liquidation_id = l.id
                join fiscal_parcel c on c.cadastre_id = l.cadastre_id and c.line = r.line
                left join paid p on p.tax_year = l.year and p.parcel_number = c.parcel_number)
            """;

    @Transactional(readOnly = true)
    public Report report(long schemeId, String municipality, int year) {
        List<Ageing> ageing = jdbc.sql(BALANCES + """
                select case when :y - year = 0 then '0' when :y - year = 1 then '1' when :y - year <= 3 then '2-3'
                            when :y - year <= 5 then '4-5' else '6+' end as bucket,
                       count(distinct parcel_number)::int as parcels, sum(due - paid)::bigint as balance
                from bal where due > paid group by 1 order by 1""").param("s", schemeId).param("m", municipality)
                .param("y", year).query(Ageing.class).list();
        List<Debtor> top = jdbc.sql(BALANCES + """
                select parcel_number, count(*)::int as years, sum(due - paid)::bigint as balance from bal where due > paid
                group by parcel_number order by 3 desc, 1 limit 20""").param("s", schemeId).param("m", municipality)
                .param("y", year).query((rs, n) -> new Debtor(rs.getString("parcel_number").strip(), rs.getInt("years"),
                        rs.getLong("balance")))
                .list();
        List<YearRecovery> years = jdbc.sql(BALANCES + """
                select year, sum(due)::bigint as due, sum(least(paid, due))::bigint as paid from bal group by year order by year""")
                .param("s", schemeId).param("m", municipality).param("y", year)
                .query((rs, n) -> new YearRecovery(rs.getInt("year"), rs.getLong("due"), rs.getLong("paid"),
                        percent(rs.getLong("paid"), rs.getLong("due"), BigDecimal.ZERO)))
                .list();
        List<Month> months = jdbc.sql("""
                select to_char(date_trunc('month', paid_on), 'YYYY-MM') as month, sum(amount)::bigint as paid from fiscal_payment
                where scheme_id = :s and municipality = :m and paid_on >= make_date(:y - 1, 1, 1)
                and paid_on < make_date(:y + 1, 1, 1) group by 1 order by 1""").param("s", schemeId)
                .param("m", municipality).param("y", year).query(Month.class).list();
        List<Gap> gaps = jdbc.sql("""
                select p.zone, count(*)::int as parcels, sum(p.cadastral_value)::bigint as cadastral,
                       sum(round(p.land_area_dm2 * v.value_per_m2 / 100.0))::bigint as commercial
                from fiscal_cadastre c join fiscal_parcel p on p.cadastre_id = c.id
                join fiscal_commercial_value v on v.scheme_id = c.scheme_id and v.municipality = c.municipality
                     and v.year = c.year and v.zone = p.zone and v.destination = p.destination
                where c.scheme_id = :s and c.municipality = :m and c.year = :y and c.status = 'ACTIVE'
                group by p.zone order by p.zone""").param("s", schemeId).param("m", municipality).param("y", year)
                .query((rs, n) -> new Gap(rs.getString("zone"), rs.getInt("parcels"), rs.getLong("cadastral"),
                        rs.getLong("commercial"), percent(rs.getLong("cadastral"), rs.getLong("commercial"), null)))
                .list();
        long balance = ageing.stream().mapToLong(Ageing::balance).sum();
        if (!scopes.canSeeUnitPersonalData(schemeId, municipality)) {
            // Debtors by parcel are the owners' tax data; small buckets and zones would reveal one parcel.
            return new Report(municipality, year, balance,
                    SmallCells.suppress(ageing, a -> "ageing", Ageing::parcels), List.of(), years, months,
                    SmallCells.suppress(gaps, g -> "zone", Gap::parcels));
        }
        return new Report(municipality, year, balance, ageing, top, years, months, gaps);
    }

    /** {@code part} in percent of {@code whole}, one decimal; {@code none} when the whole is zero. */
    private static BigDecimal percent(long part, long whole, BigDecimal none) {
        return whole == 0 ? none : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
