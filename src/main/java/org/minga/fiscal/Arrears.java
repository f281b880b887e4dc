package org.minga.fiscal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.minga.fiscal.internal.SmallCells;
import java.util.Map;

import org.minga.fiscal.internal.Places;
import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
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

    static final String HEADER = "numero_predial,vigencia,fecha_pago,valor,referencia";
    static final String COMMERCIAL_HEADER = "zona,destino,valor_m2";

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

    /** Imports payments; any invalid line and nothing is written. Returns how many were imported. */
    @Transactional
    public int importPayments(long schemeId, String municipality, InputStream content) throws IOException {
        String code = municipality == null ? "" : municipality.strip();
        scopes.requireUnitWrite(schemeId, code);
        List<Violation> errors = new ArrayList<>();
        places.scheme(schemeId, errors);
        places.municipality(schemeId, code, null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        record Row(String parcel, int year, LocalDate on, long amount, String reference) {
        }
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").strip().equals(HEADER)) {
            throw new InvalidInputException("file", "Header", "fiscal.payments.header", HEADER);
        }
        String s;
        int line = 1;
        while ((s = reader.readLine()) != null) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split(",", -1);
            String reason = null;
            Row row = null;
            try {
                if (f.length != 5) {
                    reason = "5 columnas";
                } else if (!f[0].strip().matches("\\d{30}") || !f[0].strip().startsWith(code)) {
                    reason = "numero_predial";
                } else if (!f[1].strip().matches("\\d{4}")) {
                    reason = "vigencia";
                } else if (!f[3].strip().matches("\\d{1,14}") || Long.parseLong(f[3].strip()) == 0) {
                    reason = "valor";
                } else {
                    row = new Row(f[0].strip(), Integer.parseInt(f[1].strip()), LocalDate.parse(f[2].strip()),
                            Long.parseLong(f[3].strip()), f[4].strip().isEmpty() ? null : f[4].strip());
                }
            } catch (DateTimeParseException e) {
                reason = "fecha_pago";
            }
            if (reason != null) {
                if (errors.size() < 20) {
                    errors.add(new Violation("file", "Row", "fiscal.payments.row", String.valueOf(line), reason));
                }
            } else {
                rows.add(row);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Violation("file", "NotEmpty", "fiscal.payments.file"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long total = 0;
        for (Row r : rows) {
            jdbc.sql("""
                    insert into fiscal_payment (scheme_id, municipality, parcel_number, tax_year, paid_on, amount, reference)
                    values (:s, :m, :p, :y, :d, :a, :r)""").param("s", schemeId).param("m", code).param("p", r.parcel())
                    .param("y", r.year()).param("d", r.on()).param("a", r.amount()).param("r", r.reference()).update();
            total += r.amount();
        }
        audit.record(new Change("IMPORT", "fiscal_payment", code, schemeId, "Pagos de predial " + code + ": "
                + rows.size() + " pagos por $" + total, null, Map.of("payments", rows.size(), "total", total)));
        return rows.size();
    }

    /** Imports commercial values per m² by zone and destination for a year, replacing the year's. */
    @Transactional
    public int importCommercialValues(long schemeId, String municipality, Integer year, InputStream content)
            throws IOException {
        String code = municipality == null ? "" : municipality.strip();
        scopes.requireUnitWrite(schemeId, code);
        List<Violation> errors = new ArrayList<>();
        places.scheme(schemeId, errors);
        places.municipality(schemeId, code, year, errors);
        if (!places.validYear(year)) {
            errors.add(new Violation("year", "Range", "fiscal.year"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").strip().equals(COMMERCIAL_HEADER)) {
            throw new InvalidInputException("file", "Header", "fiscal.payments.header", COMMERCIAL_HEADER);
        }
        List<String[]> rows = new ArrayList<>();
        String s;
        int line = 1;
        while ((s = reader.readLine()) != null) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split(",", -1);
            if (f.length != 3 || !f[0].strip().matches("[UR]") || !f[1].strip().matches("[A-T]")
                    || !f[2].strip().matches("[1-9]\\d{0,13}")) {
                errors.add(new Violation("file", "Row", "fiscal.payments.row", String.valueOf(line), COMMERCIAL_HEADER));
            } else {
                rows.add(new String[] {f[0].strip(), f[1].strip(), f[2].strip()});
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("delete from fiscal_commercial_value where scheme_id = :s and municipality = :m and year = :y")
                .param("s", schemeId).param("m", code).param("y", year).update();
        for (String[] r : rows) {
            jdbc.sql("""
                    insert into fiscal_commercial_value (scheme_id, municipality, year, zone, destination, value_per_m2)
                    values (:s, :m, :y, :z, :d, :v) on conflict do nothing""").param("s", schemeId).param("m", code)
                    .param("y", year).param("z", r[0]).param("d", r[1]).param("v", Long.parseLong(r[2])).update();
        }
        audit.record(new Change("IMPORT", "fiscal_commercial_value", code + "-" + year, schemeId,
                "Valores comerciales " + code + " " + year + ": " + rows.size() + " filas", null,
                Map.of("rows", rows.size())));
        return rows.size();
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
                select parcel_number, count(*)::int, sum(due - paid)::bigint from bal where due > paid
                group by parcel_number order by 3 desc, 1 limit 20""").param("s", schemeId).param("m", municipality)
                .param("y", year).query((rs, n) -> new Debtor(rs.getString(1).strip(), rs.getInt(2), rs.getLong(3)))
                .list();
        List<YearRecovery> years = jdbc.sql(BALANCES + """
                select year, sum(due)::bigint, sum(least(paid, due))::bigint from bal group by year order by year""")
                .param("s", schemeId).param("m", municipality).param("y", year)
                .query((rs, n) -> new YearRecovery(rs.getInt(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(2) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(rs.getLong(3) * 100)
                                .divide(BigDecimal.valueOf(rs.getLong(2)), 1, RoundingMode.HALF_UP)))
                .list();
        List<Month> months = jdbc.sql("""
                select to_char(date_trunc('month', paid_on), 'YYYY-MM') as month, sum(amount)::bigint as paid from fiscal_payment
                where scheme_id = :s and municipality = :m and paid_on >= make_date(:y - 1, 1, 1)
                and paid_on < make_date(:y + 1, 1, 1) group by 1 order by 1""").param("s", schemeId)
                .param("m", municipality).param("y", year).query(Month.class).list();
        List<Gap> gaps = jdbc.sql("""
                select p.zone, count(*)::int, sum(p.cadastral_value)::bigint,
                       sum(round(p.land_area_dm2 * v.value_per_m2 / 100.0))::bigint
                from fiscal_cadastre c join fiscal_parcel p on p.cadastre_id = c.id
                join fiscal_commercial_value v on v.scheme_id = c.scheme_id and v.municipality = c.municipality
                     and v.year = c.year and v.zone = p.zone and v.destination = p.destination
                where c.scheme_id = :s and c.municipality = :m and c.year = :y and c.status = 'ACTIVE'
                group by p.zone order by p.zone""").param("s", schemeId).param("m", municipality).param("y", year)
                .query((rs, n) -> new Gap(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(4) == 0 ? null : BigDecimal.valueOf(rs.getLong(3) * 100)
                                .divide(BigDecimal.valueOf(rs.getLong(4)), 1, RoundingMode.HALF_UP)))
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
}
