package org.minga.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.minga.identity.Scopes;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.FileStore;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.Jobs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.services.internal.Rules;
import org.minga.services.internal.TicketImportJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A landfill's weighbridge: weighing tickets (refused loads recorded with their reason and never
 * billed), bulk imports of weighbridge exports idempotent by ticket number, monthly billing per
 * client where each ticket is priced by the tariff per tonne in effect on its date, and tonnes by
 * client and month.
 */
@Service
public class Landfill {

    public static final String IMPORT_HEADER = "ticket,client,plate,gross_kg,tare_kg,waste_type,weighed_at,operator,refusal_reason";
    static final long MAX_IMPORT_BYTES = 200L * 1024 * 1024;

    public record TicketInput(String ticketNumber, String clientCode, String plate, Integer grossKg, Integer tareKg,
            String wasteType, LocalDateTime weighedAt, String operator, String refusalReason) {
    }

    public record Ticket(long id, String ticketNumber, String clientCode, String plate, int grossKg, int tareKg, int netKg,
            String wasteType, LocalDateTime weighedAt, String operator, String refusalReason) {
    }

    public record InvoiceLine(LocalDate validFrom, LocalDate firstDay, LocalDate lastDay, long netKg, int tickets,
            BigDecimal price, BigDecimal amount) {

        public BigDecimal tonnes() {
            return BigDecimal.valueOf(netKg, 3);
        }
    }

    public record Invoice(long id, long lineId, String number, long clientId, String clientCode, String clientName,
            YearMonth month, long netKg, BigDecimal total, String currency, Instant issuedAt, List<InvoiceLine> lines) {

        public BigDecimal tonnes() {
            return BigDecimal.valueOf(netKg, 3);
        }
    }

    public record Billing(YearMonth month, int issued, int existing, BigDecimal total, List<Invoice> invoices) {
    }

    public record MonthlyTonnes(String clientCode, String clientName, YearMonth month, BigDecimal tonnes, long tickets,
            long refused) {
    }

    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ServiceLines lines;
    private final FileStore files;
    private final Jobs jobs;

    Landfill(JdbcClient jdbc, Scopes scopes, AuditLog audit, ServiceLines lines, FileStore files, Jobs jobs) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.lines = lines;
        this.files = files;
        this.jobs = jobs;
    }

    /** Records one weighing; a load whose waste type the line does not accept is recorded as refused. */
    @Transactional
    public Ticket record(long lineId, TicketInput in) {
        ServiceLines.Line line = solidWaste(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        TicketImportJob.lockLine(jdbc, lineId);
        List<Violation> errors = new ArrayList<>();
        String number = Rules.text(in.ticketNumber(), "ticketNumber", errors);
        String plate = Rules.text(in.plate(), "plate", errors);
        String waste = Rules.text(in.wasteType(), "wasteType", errors);
        String operator = Rules.text(in.operator(), "operator", errors);
        Rules.required(in.weighedAt(), "weighedAt", errors);
        if (in.grossKg() == null || in.grossKg() < 0) {
            errors.add(new Violation("grossKg", "PositiveOrZero", "services.ticket.weight"));
        }
        if (in.tareKg() == null || in.tareKg() < 0) {
            errors.add(new Violation("tareKg", "PositiveOrZero", "services.ticket.weight"));
        } else if (in.grossKg() != null && in.tareKg() > in.grossKg()) {
            errors.add(new Violation("tareKg", "NotAboveGross", "services.ticket.tare"));
        }
        Long client = in.clientCode() == null ? null : jdbc.sql("select id from service_client where service_line_id = :l and code = :c")
                .param("l", lineId).param("c", in.clientCode().strip()).query(Long.class).optional().orElse(null);
        if (client == null) {
            errors.add(new Violation("clientCode", "Exists", "services.ticket.client", String.valueOf(in.clientCode())));
        }
        if (number != null && jdbc.sql("select count(*) from weighing_ticket where service_line_id = :l and ticket_number = :n")
                .param("l", lineId).param("n", number).query(Integer.class).single() > 0) {
            errors.add(new Violation("ticketNumber", "Unique", "services.ticket.duplicate", number));
        }
        Rules.throwIfAny(errors);
        String reason = Rules.optional(in.refusalReason());
        if (reason == null && !accepted(lineId, waste)) {
            reason = "Tipo de residuo no aceptado: " + waste;
        }
        long id = jdbc.sql("""
                insert into weighing_ticket (service_line_id, ticket_number, client_id, plate, gross_kg, tare_kg, net_kg, waste_type,
                    weighed_at, operator, refusal_reason)
                values (:l, :n, :c, :p, :g, :t, :net, :w, :at, :o, :r) returning id""").param("l", lineId).param("n", number)
                .param("c", client).param("p", plate).param("g", in.grossKg()).param("t", in.tareKg())
                .param("net", in.grossKg() - in.tareKg()).param("w", waste).param("at", Timestamp.valueOf(in.weighedAt()))
                .param("o", operator).param("r", reason).query(Long.class).single();
        Ticket ticket = ticket(id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("ticketNumber", number);
        state.put("client", in.clientCode().strip());
        state.put("netKg", ticket.netKg());
        state.put("wasteType", waste);
        state.put("refusalReason", reason);
        audit.record(Change.created("weighing_ticket", id, line.schemeId(), "Boleta de báscula " + number, state));
        return ticket;
    }

    private boolean accepted(long lineId, String waste) {
        return jdbc.sql("select accepted from service_waste_type where service_line_id = :l and code = :c").param("l", lineId)
                .param("c", waste).query(Boolean.class).optional().orElse(false);
    }

    @Transactional(readOnly = true)
    public Ticket ticket(long id) {
        return jdbc.sql("""
                select t.id, t.ticket_number, c.code, t.plate, t.gross_kg, t.tare_kg, t.net_kg, t.waste_type, t.weighed_at, t.operator,
                    t.refusal_reason from weighing_ticket t join service_client c on c.id = t.client_id where t.id = :id""")
                .param("id", id).query((rs, n) -> new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getTimestamp(9).toLocalDateTime(),
                        rs.getString(10), rs.getString(11))).optional().orElseThrow(() -> new NotFoundException("boleta", id));
    }

    /** A page of a line's tickets, newest first, keyset by id. */
    @Transactional(readOnly = true)
    public List<Ticket> tickets(long lineId, Long before, int size) {
        int s = Math.min(Math.max(1, size), 200);
        return jdbc.sql("""
                select t.id from weighing_ticket t where t.service_line_id = :l and (cast(:b as bigint) is null or t.id < :b)
                order by t.id desc limit :s""").param("l", lineId).param("b", before).param("s", s).query(Long.class).list()
                .stream().map(this::ticket).toList();
    }

    /**
     * Queues the import of a weighbridge CSV export ({@value #IMPORT_HEADER}). It is all or
     * nothing, and idempotent: tickets whose number the line already has are skipped.
     */
    public UUID submitImport(long lineId, String fileName, byte[] content) {
        ServiceLines.Line line = solidWaste(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "NotEmpty", "services.case.fileMissing");
        }
        if (content.length > MAX_IMPORT_BYTES) {
            throw new InvalidInputException("file", "Size", "services.import.size");
        }
        // Gzipped at the fastest level: the stored copy is a fifth of the CSV, cheaper to write and read back.
        var packed = new java.io.ByteArrayOutputStream(content.length / 4);
        try (var gz = new java.util.zip.GZIPOutputStream(packed, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gz.write(content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        UUID file = files.put(fileName == null ? "tickets.csv.gz" : fileName + ".gz", "application/gzip", packed.toByteArray());
        return jobs.submit(TicketImportJob.TYPE, new TicketImportJob.Request(file, lineId, line.schemeId(), SystemActor.current(),
                fileName, content.length), line.schemeId());
    }

    /**
     * Issues the month's invoices, one per client with billable tickets; each ticket is priced by
     * the tariff per tonne in effect on its date, so a tariff change mid-month gives two lines.
     * Invoices already issued for the month are kept as they are.
     */
    @Transactional
    public Billing bill(long lineId, YearMonth month) {
        ServiceLines.Line line = solidWaste(lineId);
        scopes.requireSchemeWrite(line.schemeId());
        if (month == null) {
            throw new InvalidInputException("month", "NotNull", "services.required");
        }
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        long unpriced = jdbc.sql("""
                select count(*) from weighing_ticket t where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t
                    and t.refusal_reason is null and not exists (select 1 from service_tariff r where r.service_line_id = :l
                    and r.unit = 'TONNE' and r.valid_from <= t.weighed_at::date)""").param("l", lineId)
                .param("f", Timestamp.valueOf(from)).param("t", Timestamp.valueOf(to)).query(Long.class).single();
        if (unpriced > 0) {
            throw new InvalidInputException("month", "TariffMissing", "services.billing.noTariff", unpriced, month.toString());
        }
        record Row(long client, LocalDate validFrom, BigDecimal price, long kg, int tickets, LocalDate first, LocalDate last) {
        }
        List<Row> rows = jdbc.sql("""
                with r as (select valid_from, amount, lead(valid_from) over (order by valid_from) as next_from
                           from service_tariff where service_line_id = :l and unit = 'TONNE')
                select t.client_id, r.valid_from, r.amount, sum(t.net_kg), count(*), min(t.weighed_at)::date, max(t.weighed_at)::date
                from weighing_ticket t join r on t.weighed_at >= r.valid_from and (r.next_from is null or t.weighed_at < r.next_from)
                where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t and t.refusal_reason is null
                  and not exists (select 1 from service_invoice i where i.service_line_id = :l and i.client_id = t.client_id
                                  and i.month = :m)
                group by t.client_id, r.valid_from, r.amount order by t.client_id, r.valid_from""").param("l", lineId)
                .param("f", Timestamp.valueOf(from)).param("t", Timestamp.valueOf(to)).param("m", month.atDay(1))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getLong(4),
                        rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class))).list();
        Map<Long, List<Row>> byClient = new LinkedHashMap<>();
        rows.forEach(r -> byClient.computeIfAbsent(r.client(), k -> new ArrayList<>()).add(r));
        Map<Long, String> codes = new LinkedHashMap<>();
        lines.clients(lineId).forEach(c -> codes.put(c.id(), c.code()));
        Instant now = Instant.now();
        String by = SystemActor.current();
        BigDecimal grand = BigDecimal.ZERO;
        for (var e : byClient.entrySet()) {
            long kg = 0;
            BigDecimal total = BigDecimal.ZERO;
            for (Row r : e.getValue()) {
                kg += r.kg();
                total = total.add(amount(r.kg(), r.price()));
            }
            String number = "%d-%s-%s".formatted(lineId, month.toString().replace("-", ""), codes.get(e.getKey()));
            long id = jdbc.sql("""
                    insert into service_invoice (service_line_id, client_id, month, number, net_kg, total, issued_at, issued_by)
                    values (:l, :c, :m, :n, :kg, :t, :at, :by) returning id""").param("l", lineId).param("c", e.getKey())
                    .param("m", month.atDay(1)).param("n", number).param("kg", kg).param("t", total)
                    .param("at", Timestamp.from(now)).param("by", by).query(Long.class).single();
            for (Row r : e.getValue()) {
                jdbc.sql("""
                        insert into service_invoice_line (invoice_id, valid_from, first_day, last_day, net_kg, tickets, price, amount)
                        values (:i, :v, :f, :l, :kg, :n, :p, :a)""").param("i", id).param("v", r.validFrom()).param("f", r.first())
                        .param("l", r.last()).param("kg", r.kg()).param("n", r.tickets()).param("p", r.price())
                        .param("a", amount(r.kg(), r.price())).update();
            }
            grand = grand.add(total);
        }
        int existing = jdbc.sql("select count(*) from service_invoice where service_line_id = :l and month = :m")
                .param("l", lineId).param("m", month.atDay(1)).query(Integer.class).single() - byClient.size();
        List<Invoice> invoices = invoices(lineId, month);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("month", month.toString());
        state.put("issued", byClient.size());
        state.put("existing", existing);
        state.put("total", grand.toPlainString());
        audit.record(new Change("BILL", "service_line", lineId, line.schemeId(),
                "Facturación " + month + " de " + line.name() + ": " + byClient.size() + " facturas", null, state));
        return new Billing(month, byClient.size(), existing, grand, invoices);
    }

    /** Tonnes × price per tonne, to the cent (half up, as on a printed invoice). */
    static BigDecimal amount(long kg, BigDecimal pricePerTonne) {
        return BigDecimal.valueOf(kg).multiply(pricePerTonne).divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoices(long lineId, YearMonth month) {
        return jdbc.sql("select id from service_invoice where service_line_id = :l and month = :m order by number")
                .param("l", lineId).param("m", month.atDay(1)).query(Long.class).list().stream().map(this::invoice).toList();
    }

    @Transactional(readOnly = true)
    public Invoice invoice(long id) {
        var lines = jdbc.sql("""
                select valid_from, first_day, last_day, net_kg, tickets, price, amount from service_invoice_line
                where invoice_id = :i order by valid_from""").param("i", id)
                .query((rs, n) -> new InvoiceLine(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
        return jdbc.sql("""
                select i.id, i.service_line_id, i.number, i.client_id, c.code, c.name, i.month, i.net_kg, i.total, l.currency, i.issued_at
                from service_invoice i join service_client c on c.id = i.client_id join service_line l on l.id = i.service_line_id
                where i.id = :i""").param("i", id)
                .query((rs, n) -> new Invoice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), YearMonth.from(rs.getObject(7, LocalDate.class)), rs.getLong(8), rs.getBigDecimal(9),
                        rs.getString(10), rs.getTimestamp(11).toInstant(), lines))
                .optional().orElseThrow(() -> new NotFoundException("factura", id));
    }

    /** Billable tonnes and ticket counts by client and month over a period (refused loads counted apart). */
    @Transactional(readOnly = true)
    public List<MonthlyTonnes> tonnesByClientAndMonth(long lineId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select c.code, c.name, date_trunc('month', t.weighed_at)::date,
                    coalesce(sum(t.net_kg) filter (where t.refusal_reason is null), 0), count(*) filter (where t.refusal_reason is null),
                    count(*) filter (where t.refusal_reason is not null)
                from weighing_ticket t join service_client c on c.id = t.client_id
                where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t
                group by c.code, c.name, 3 order by 3, c.code""").param("l", lineId)
                .param("f", Timestamp.valueOf(from.atStartOfDay())).param("t", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query((rs, n) -> new MonthlyTonnes(rs.getString(1), rs.getString(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                        BigDecimal.valueOf(rs.getLong(4), 3), rs.getLong(5), rs.getLong(6))).list();
    }

    ServiceLines.Line solidWaste(long lineId) {
        ServiceLines.Line line = lines.line(lineId);
        if (line.type() != ServiceLines.Type.SOLID_WASTE) {
            throw new InvalidInputException("lineId", "SolidWasteOnly", "services.waste.lineType");
        }
        return line;
    }
}
