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

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.FileStore;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Jobs;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.platform.Zones;
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

    public record TicketInput(@NotBlank @Size(max = 60) String ticketNumber, @Size(max = 60) String clientCode,
            @NotBlank @Size(max = 20) String plate, Integer grossKg, Integer tareKg, @NotBlank @Size(max = 60) String wasteType,
            @NotNull LocalDateTime weighedAt, @NotBlank @Size(max = 200) String operator, @Size(max = 500) String refusalReason) {
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
    private final AuditLog audit;
    private final ServiceLines lines;
    private final FileStore files;
    private final Jobs jobs;
    private final Zones zones;

    Landfill(JdbcClient jdbc, AuditLog audit, ServiceLines lines, FileStore files, Jobs jobs, Zones zones) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lines = lines;
        this.files = files;
        this.jobs = jobs;
        this.zones = zones;
    }

    /** Records one weighing; a load whose waste type the line does not accept is recorded as refused. */
    @Transactional
    public Ticket record(long lineId, TicketInput in) {
        ServiceLines.Line line = solidWaste(lineId);
        TicketImportJob.lockLine(jdbc, lineId);
        Checks checks = new Checks().valid(in);
        String number = Inputs.text(in.ticketNumber());
        String waste = Inputs.text(in.wasteType());
        checks.rule(in.grossKg() != null && in.grossKg() >= 0, "grossKg", "PositiveOrZero", "services.ticket.weight");
        checks.rule(in.tareKg() != null && in.tareKg() >= 0, "tareKg", "PositiveOrZero", "services.ticket.weight");
        checks.rule(in.tareKg() == null || in.grossKg() == null || in.tareKg() <= in.grossKg(), "tareKg", "NotAboveGross",
                "services.ticket.tare");
        Long client = Inputs.text(in.clientCode()) == null ? null
                : jdbc.sql("select id from service_client where service_line_id = :l and code = :c").param("l", lineId)
                        .param("c", in.clientCode().strip()).query(Long.class).optional().orElse(null);
        checks.rule(client != null, "clientCode", "Exists", "services.ticket.client", String.valueOf(in.clientCode()));
        checks.rule(number == null || !jdbc.sql("""
                select exists (select 1 from weighing_ticket where service_line_id = :l and ticket_number = :n)""")
                .param("l", lineId).param("n", number).query(Boolean.class).single(), "ticketNumber", "Unique",
                "services.ticket.duplicate", number);
        checks.orThrow();
        String reason = Inputs.text(in.refusalReason());
        if (reason == null && !accepted(lineId, waste)) {
            reason = "Tipo de residuo no aceptado: " + waste;
        }
        long id = jdbc.sql("""
                insert into weighing_ticket (service_line_id, ticket_number, client_id, plate, gross_kg, tare_kg, net_kg, waste_type,
                    weighed_at, operator, refusal_reason)
                values (:l, :n, :c, :p, :g, :t, :net, :w, :at, :o, :r) returning id""").param("l", lineId).param("n", number)
                .param("c", client).param("p", in.plate().strip()).param("g", in.grossKg()).param("t", in.tareKg())
                .param("net", in.grossKg() - in.tareKg()).param("w", waste).param("at", Timestamp.valueOf(in.weighedAt()))
                .param("o", in.operator().strip()).param("r", reason).query(Long.class).single();
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
                .param("id", id).query((rs, n) -> new Ticket(rs.getLong("id"), rs.getString("ticket_number"), rs.getString("code"),
                        rs.getString("plate"), rs.getInt("gross_kg"), rs.getInt("tare_kg"), rs.getInt("net_kg"),
                        rs.getString("waste_type"), rs.getTimestamp("weighed_at").toLocalDateTime(), rs.getString("operator"),
                        rs.getString("refusal_reason"))).optional().orElseThrow(() -> new NotFoundException("boleta", id));
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
        boolean present = content != null && content.length > 0;
        new Checks().rule(present, "file", "NotEmpty", "services.case.fileMissing")
                .rule(!present || content.length <= MAX_IMPORT_BYTES, "file", "Size", "services.import.size").orThrow();
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
        if (month == null) {
            throw new InvalidInputException("month", "NotNull", "services.required");
        }
        long unpriced = unpriced(lineId, month);
        if (unpriced > 0) {
            throw new InvalidInputException("month", "TariffMissing", "services.billing.noTariff", unpriced, month.toString());
        }
        Map<Long, List<Billable>> byClient = new LinkedHashMap<>();
        billable(lineId, month).forEach(r -> byClient.computeIfAbsent(r.clientId(), k -> new ArrayList<>()).add(r));
        Map<Long, String> codes = new LinkedHashMap<>();
        lines.clients(lineId).forEach(c -> codes.put(c.id(), c.code()));
        Instant now = zones.now();
        BigDecimal grand = BigDecimal.ZERO;
        for (var e : byClient.entrySet()) {
            String number = "%d-%s-%s".formatted(lineId, month.toString().replace("-", ""), codes.get(e.getKey()));
            grand = grand.add(issue(lineId, e.getKey(), month, number, e.getValue(), now));
        }
        int existing = jdbc.sql("select count(*) from service_invoice where service_line_id = :l and month = :m")
                .param("l", lineId).param("m", month.atDay(1)).query(Integer.class).single() - byClient.size();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("month", month.toString());
        state.put("issued", byClient.size());
        state.put("existing", existing);
        state.put("total", grand.toPlainString());
        audit.record(new Change("BILL", "service_line", lineId, line.schemeId(),
                "Facturación " + month + " de " + line.name() + ": " + byClient.size() + " facturas", null, state));
        return new Billing(month, byClient.size(), existing, grand, invoices(lineId, month));
    }

    /** The month's accepted tickets dated before any tariff per tonne: they cannot be priced. */
    private long unpriced(long lineId, YearMonth month) {
        return jdbc.sql("""
                select count(*) from weighing_ticket t where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t
                    and t.refusal_reason is null and not exists (select 1 from service_tariff r where r.service_line_id = :l
                    and r.unit = 'TONNE' and r.valid_from <= t.weighed_at::date)""").param("l", lineId)
                .param("f", start(month)).param("t", start(month.plusMonths(1))).query(Long.class).single();
    }

    /** A client's accepted tickets of a month under one tariff: one line of its invoice. */
    record Billable(long clientId, LocalDate validFrom, BigDecimal price, long kg, int tickets, LocalDate firstDay,
            LocalDate lastDay) {
    }

    /** The month's billable tickets by client and tariff, for the clients not yet invoiced that month. */
    private List<Billable> billable(long lineId, YearMonth month) {
        return jdbc.sql("""
                with r as (select valid_from, amount, lead(valid_from) over (order by valid_from) as next_from
                           from service_tariff where service_line_id = :l and unit = 'TONNE')
                select t.client_id, r.valid_from, r.amount as price, sum(t.net_kg) as kg, count(*) as tickets,
                    min(t.weighed_at)::date as first_day, max(t.weighed_at)::date as last_day
                from weighing_ticket t join r on t.weighed_at >= r.valid_from and (r.next_from is null or t.weighed_at < r.next_from)
                where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t and t.refusal_reason is null
                  and not exists (select 1 from service_invoice i where i.service_line_id = :l and i.client_id = t.client_id
                                  and i.month = :m)
                group by t.client_id, r.valid_from, r.amount order by t.client_id, r.valid_from""").param("l", lineId)
                .param("f", start(month)).param("t", start(month.plusMonths(1))).param("m", month.atDay(1))
                .query(Billable.class).list();
    }

    /** Issues one client's invoice with a line per tariff; its total. */
    private BigDecimal issue(long lineId, long clientId, YearMonth month, String number, List<Billable> rows, Instant at) {
        long kg = rows.stream().mapToLong(Billable::kg).sum();
        BigDecimal total = rows.stream().map(r -> amount(r.kg(), r.price())).reduce(BigDecimal.ZERO, BigDecimal::add);
        long id = jdbc.sql("""
                insert into service_invoice (service_line_id, client_id, month, number, net_kg, total, issued_at, issued_by)
                values (:l, :c, :m, :n, :kg, :t, :at, :by) returning id""").param("l", lineId).param("c", clientId)
                .param("m", month.atDay(1)).param("n", number).param("kg", kg).param("t", total)
                .param("at", Timestamp.from(at)).param("by", SystemActor.current()).query(Long.class).single();
        for (Billable r : rows) {
            jdbc.sql("""
                    insert into service_invoice_line (invoice_id, valid_from, first_day, last_day, net_kg, tickets, price, amount)
                    values (:i, :v, :f, :l, :kg, :n, :p, :a)""").param("i", id).param("v", r.validFrom()).param("f", r.firstDay())
                    .param("l", r.lastDay()).param("kg", r.kg()).param("n", r.tickets()).param("p", r.price())
                    .param("a", amount(r.kg(), r.price())).update();
        }
        return total;
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.valueOf(month.atDay(1).atStartOfDay());
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
                .query(InvoiceLine.class).list();
        return jdbc.sql("""
                select i.id, i.service_line_id, i.number, i.client_id, c.code as client_code, c.name as client_name, i.month, i.net_kg,
                    i.total, l.currency, i.issued_at
                from service_invoice i join service_client c on c.id = i.client_id join service_line l on l.id = i.service_line_id
                where i.id = :i""").param("i", id)
                .query((rs, n) -> new Invoice(rs.getLong("id"), rs.getLong("service_line_id"), rs.getString("number"),
                        rs.getLong("client_id"), rs.getString("client_code"), rs.getString("client_name"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("net_kg"), rs.getBigDecimal("total"),
                        rs.getString("currency"), rs.getTimestamp("issued_at").toInstant(), lines))
                .optional().orElseThrow(() -> new NotFoundException("factura", id));
    }

    /** Billable tonnes and ticket counts by client and month over a period (refused loads counted apart). */
    @Transactional(readOnly = true)
    public List<MonthlyTonnes> tonnesByClientAndMonth(long lineId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select c.code, c.name, date_trunc('month', t.weighed_at)::date as month,
                    coalesce(sum(t.net_kg) filter (where t.refusal_reason is null), 0) as kg,
                    count(*) filter (where t.refusal_reason is null) as tickets, count(*) filter (where t.refusal_reason is not null) as refused
                from weighing_ticket t join service_client c on c.id = t.client_id
                where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t
                group by c.code, c.name, 3 order by 3, c.code""").param("l", lineId)
                .param("f", Timestamp.valueOf(from.atStartOfDay())).param("t", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query((rs, n) -> new MonthlyTonnes(rs.getString("code"), rs.getString("name"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), BigDecimal.valueOf(rs.getLong("kg"), 3),
                        rs.getLong("tickets"), rs.getLong("refused"))).list();
    }

    /** The line, a landfill the person may write for. */
    private ServiceLines.Line solidWaste(long lineId) {
        return lines.forWrite(lineId, ServiceLines.Type.SOLID_WASTE, "SolidWasteOnly", "services.waste.lineType");
    }
}
