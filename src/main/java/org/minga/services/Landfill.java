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

import tools.jackson.databind.ObjectMapper;

/**
 * A landfill's weighbridge: weighing tickets (refused loads recorded with their reason and never
 * billed; corrections and voids with a reason, the values before kept), bulk imports of weighbridge
 * exports idempotent by ticket number, monthly billing per client where each ticket is priced by
 * the tariff per tonne in effect on its date and late, corrected or voided tickets are settled by
 * adjustments, documents numbered per line and year and voided (never deleted), and tonnes by
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
            String wasteType, LocalDateTime weighedAt, String operator, String refusalReason, Instant voidedAt,
            String voidReason) {
    }

    /** A correction of a ticket: the values that change (the others are left out) and why. */
    public record Correction(Integer grossKg, Integer tareKg, @Size(max = 60) String clientCode, LocalDateTime weighedAt,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** A ticket's values before a correction or its voiding, with who, when and why. */
    public record Revision(String action, String reason, Map<String, Object> before, Instant changedAt, String changedBy) {
    }

    public record InvoiceLine(LocalDate validFrom, LocalDate firstDay, LocalDate lastDay, long netKg, int tickets,
            BigDecimal price, BigDecimal amount) {

        public BigDecimal tonnes() {
            return BigDecimal.valueOf(netKg, 3);
        }
    }

    /** An invoice; an adjustment to a billed month: a supplementary invoice or a credit note. */
    public enum Kind { INVOICE, SUPPLEMENT, CREDIT_NOTE }

    /**
     * A document of a client's month. An adjustment's lines, kilograms and amounts are the
     * differences it bills (negative on a credit note). A voided one keeps its number and reason.
     */
    public record Invoice(long id, long lineId, String number, Kind kind, long clientId, String clientCode, String clientName,
            YearMonth month, long netKg, BigDecimal total, String currency, String country, Instant issuedAt, Instant voidedAt,
            String voidReason, List<InvoiceLine> lines) {

        public BigDecimal tonnes() {
            return BigDecimal.valueOf(netKg, 3);
        }
    }

    /** A ticket whose month still has a difference to bill: {@code kg} is that difference (negative to credit). */
    public record Pending(long ticketId, String ticketNumber, String clientCode, String clientName, YearMonth month,
            LocalDateTime weighedAt, long kg, boolean voided) {

        public BigDecimal tonnes() {
            return BigDecimal.valueOf(kg, 3);
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
    private final ObjectMapper json;

    Landfill(JdbcClient jdbc, AuditLog audit, ServiceLines lines, FileStore files, Jobs jobs, Zones zones, ObjectMapper json) {
        this.json = json;
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

    /**
     * Corrects a ticket's weights, client or date with a reason. The values before are kept in its
     * revisions and the audit; if its month was billed, the next billing adjusts it.
     */
    @Transactional
    public Ticket correct(long lineId, long ticketId, Correction in) {
        ServiceLines.Line line = solidWaste(lineId);
        TicketImportJob.lockLine(jdbc, lineId);
        Ticket before = ticketOf(lineId, ticketId);
        Checks checks = new Checks().valid(in);
        int gross = in.grossKg() == null ? before.grossKg() : in.grossKg();
        int tare = in.tareKg() == null ? before.tareKg() : in.tareKg();
        checks.rule(gross >= 0, "grossKg", "PositiveOrZero", "services.ticket.weight");
        checks.rule(tare >= 0, "tareKg", "PositiveOrZero", "services.ticket.weight");
        checks.rule(tare <= gross, "tareKg", "NotAboveGross", "services.ticket.tare");
        String code = Inputs.text(in.clientCode()) == null ? before.clientCode() : in.clientCode().strip();
        Long client = jdbc.sql("select id from service_client where service_line_id = :l and code = :c").param("l", lineId)
                .param("c", code).query(Long.class).optional().orElse(null);
        checks.rule(client != null, "clientCode", "Exists", "services.ticket.client", code);
        checks.rule(before.voidedAt() == null, "reason", "NotVoided", "services.ticket.voided", before.ticketNumber());
        checks.rule(in.grossKg() != null || in.tareKg() != null || Inputs.text(in.clientCode()) != null || in.weighedAt() != null,
                "grossKg", "NotNull", "services.ticket.nothing");
        checks.orThrow();
        LocalDateTime at = in.weighedAt() == null ? before.weighedAt() : in.weighedAt();
        revise(before, "CORRECT", in.reason().strip());
        jdbc.sql("""
                update weighing_ticket set gross_kg = :g, tare_kg = :t, net_kg = :n, client_id = :c, weighed_at = :at
                where id = :id""").param("g", gross).param("t", tare).param("n", gross - tare).param("c", client)
                .param("at", Timestamp.valueOf(at)).param("id", ticketId).update();
        Ticket after = ticket(ticketId);
        audit.record(new Change("CORRECT", "weighing_ticket", ticketId, line.schemeId(),
                "Boleta de báscula " + before.ticketNumber() + " corregida: " + in.reason().strip(), state(before), state(after)));
        return after;
    }

    /** Voids a ticket with a reason: it stays, with its values, and is no longer billed (a billed month gets a credit note). */
    @Transactional
    public Ticket voidTicket(long lineId, long ticketId, String reason) {
        ServiceLines.Line line = solidWaste(lineId);
        TicketImportJob.lockLine(jdbc, lineId);
        Ticket before = ticketOf(lineId, ticketId);
        String why = Inputs.text(reason);
        new Checks().rule(why != null, "reason", "NotBlank", "services.void.reason")
                .rule(why == null || why.length() <= 500, "reason", "Size", "services.void.reasonSize")
                .rule(before.voidedAt() == null, "reason", "NotVoided", "services.ticket.voided", before.ticketNumber()).orThrow();
        revise(before, "VOID", why);
        jdbc.sql("update weighing_ticket set voided_at = :at, void_reason = :r where id = :id")
                .param("at", Timestamp.from(zones.now())).param("r", why).param("id", ticketId).update();
        Ticket after = ticket(ticketId);
        audit.record(new Change("VOID", "weighing_ticket", ticketId, line.schemeId(),
                "Boleta de báscula " + before.ticketNumber() + " anulada: " + why, state(before), state(after)));
        return after;
    }

    /** The id of the line's ticket with this number; refused naming the field when there is none. */
    @Transactional(readOnly = true)
    public long ticketId(long lineId, String number) {
        String n = Inputs.text(number);
        return jdbc.sql("select id from weighing_ticket where service_line_id = :l and ticket_number = :n").param("l", lineId)
                .param("n", n == null ? "" : n).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("ticketNumber", "Exists", "services.ticket.unknown", String.valueOf(n)));
    }

    /** A ticket's revisions, oldest first. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(long lineId, long ticketId) {
        ticketOf(lineId, ticketId);
        return jdbc.sql("""
                select action, reason, before::text, changed_at, changed_by from weighing_ticket_revision
                where ticket_id = :t order by id""").param("t", ticketId)
                .query((rs, n) -> new Revision(rs.getString("action"), rs.getString("reason"), parse(rs.getString("before")),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"))).list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String jsonText) {
        return json.readValue(jsonText, Map.class);
    }

    private void revise(Ticket before, String action, String reason) {
        jdbc.sql("""
                insert into weighing_ticket_revision (ticket_id, action, reason, before, changed_at, changed_by)
                values (:t, :a, :r, cast(:b as jsonb), :at, :by)""").param("t", before.id()).param("a", action).param("r", reason)
                .param("b", json.writeValueAsString(state(before))).param("at", Timestamp.from(zones.now()))
                .param("by", SystemActor.current()).update();
    }

    /** The ticket when it is one of the line's (404 otherwise, as for a ticket of another line). */
    private Ticket ticketOf(long lineId, long ticketId) {
        boolean ofLine = jdbc.sql("select exists (select 1 from weighing_ticket where id = :id and service_line_id = :l)")
                .param("id", ticketId).param("l", lineId).query(Boolean.class).single();
        if (!ofLine) {
            throw new NotFoundException("boleta", ticketId);
        }
        return ticket(ticketId);
    }

    private static Map<String, Object> state(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticketNumber", t.ticketNumber());
        m.put("client", t.clientCode());
        m.put("grossKg", t.grossKg());
        m.put("tareKg", t.tareKg());
        m.put("netKg", t.netKg());
        m.put("wasteType", t.wasteType());
        m.put("weighedAt", t.weighedAt().toString());
        m.put("refusalReason", t.refusalReason());
        m.put("voidReason", t.voidReason());
        return m;
    }

    @Transactional(readOnly = true)
    public Ticket ticket(long id) {
        return jdbc.sql("""
                select t.id, t.ticket_number, c.code, t.plate, t.gross_kg, t.tare_kg, t.net_kg, t.waste_type, t.weighed_at, t.operator,
                    t.refusal_reason, t.voided_at, t.void_reason
                from weighing_ticket t join service_client c on c.id = t.client_id where t.id = :id""")
                .param("id", id).query((rs, n) -> new Ticket(rs.getLong("id"), rs.getString("ticket_number"), rs.getString("code"),
                        rs.getString("plate"), rs.getInt("gross_kg"), rs.getInt("tare_kg"), rs.getInt("net_kg"),
                        rs.getString("waste_type"), rs.getTimestamp("weighed_at").toLocalDateTime(), rs.getString("operator"),
                        rs.getString("refusal_reason"),
                        rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant(),
                        rs.getString("void_reason"))).optional().orElseThrow(() -> new NotFoundException("boleta", id));
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
     * Bills a month: each client's accepted, not voided tickets, each priced by the tariff per tonne
     * in effect on its date (a tariff change mid-month gives two lines), less what the month's
     * documents not voided already billed. A client billed for the first time gets an invoice; a
     * difference after that (a ticket entered late, corrected or voided) gets a supplementary
     * invoice, or a credit note when it is negative. So the month's billed total is the same
     * whatever the order the tickets were entered in and whenever the month was billed; billing
     * again with nothing changed issues nothing.
     */
    @Transactional
    public Billing bill(long lineId, YearMonth month) {
        ServiceLines.Line line = solidWaste(lineId);
        if (month == null) {
            throw new InvalidInputException("month", "NotNull", "services.required");
        }
        // Serialises with ticket writes and imports of the line and with another billing of it.
        TicketImportJob.lockLine(jdbc, lineId);
        long unpriced = unpriced(lineId, month);
        if (unpriced > 0) {
            throw new InvalidInputException("month", "TariffMissing", "services.billing.noTariff", unpriced, month.toString());
        }
        Map<LocalDate, BigDecimal> prices = new LinkedHashMap<>();
        jdbc.sql("select valid_from, amount from service_tariff where service_line_id = :l and unit = 'TONNE'").param("l", lineId)
                .query((rs, n) -> prices.put(rs.getObject("valid_from", LocalDate.class), rs.getBigDecimal("amount"))).list();
        Map<Long, Map<LocalDate, Target>> targets = new LinkedHashMap<>();
        monthly(TARGET, lineId, month).query(Target.class).list()
                .forEach(t -> targets.computeIfAbsent(t.clientId(), k -> new LinkedHashMap<>()).put(t.validFrom(), t));
        Map<Long, Map<LocalDate, Billed>> billed = new LinkedHashMap<>();
        monthly(BILLED, lineId, month).query(Billed.class).list()
                .forEach(b -> billed.computeIfAbsent(b.clientId(), k -> new LinkedHashMap<>()).put(b.validFrom(), b));
        Map<Long, List<Delta>> deltas = new LinkedHashMap<>();
        monthly(DELTAS, lineId, month).query(Delta.class).list()
                .forEach(d -> deltas.computeIfAbsent(d.clientId(), k -> new ArrayList<>()).add(d));
        int existing = documents(lineId, month);
        Instant now = zones.now();
        int year = zones.today(lines.country(line)).getYear();
        BigDecimal grand = BigDecimal.ZERO;
        List<String> numbers = new ArrayList<>();
        for (var e : deltas.entrySet()) {
            long client = e.getKey();
            Map<LocalDate, Target> target = targets.getOrDefault(client, Map.of());
            Map<LocalDate, Billed> before = billed.getOrDefault(client, Map.of());
            List<InvoiceLine> rows = new ArrayList<>();
            for (Delta d : e.getValue()) {
                Target t = target.get(d.validFrom());
                Billed b = before.get(d.validFrom());
                long kg = t == null ? 0 : t.kg();
                // A tariff removed since its month was billed still has its billed lines to credit.
                BigDecimal price = prices.getOrDefault(d.validFrom(), BigDecimal.ZERO);
                // The amount is the whole tariff line's less what was billed of it, so roundings never pile up.
                BigDecimal amount = (t == null ? BigDecimal.ZERO : amount(kg, price)).subtract(b == null ? BigDecimal.ZERO : b.amount());
                rows.add(new InvoiceLine(d.validFrom(), t == null ? month.atDay(1) : t.firstDay(),
                        t == null ? month.atEndOfMonth() : t.lastDay(), kg - (b == null ? 0 : b.kg()), d.tickets(), price, amount));
            }
            BigDecimal total = rows.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Kind kind = !invoiced(lineId, client, month) ? Kind.INVOICE : total.signum() < 0 ? Kind.CREDIT_NOTE : Kind.SUPPLEMENT;
            numbers.add(issue(lineId, client, month, kind, year, rows, total, now));
            grand = grand.add(total);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("month", month.toString());
        state.put("issued", numbers);
        state.put("existing", existing);
        state.put("total", grand.toPlainString());
        audit.record(new Change("BILL", "service_line", lineId, line.schemeId(),
                "Facturación " + month + " de " + line.name() + ": " + numbers.size() + " documentos", null, state));
        return new Billing(month, numbers.size(), existing, grand, invoices(lineId, month));
    }

    /** The month's accepted tickets dated before any tariff per tonne: they cannot be priced. */
    private long unpriced(long lineId, YearMonth month) {
        return jdbc.sql("""
                select count(*) from weighing_ticket t where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t
                    and t.refusal_reason is null and t.voided_at is null and not exists (select 1 from service_tariff r
                    where r.service_line_id = :l and r.unit = 'TONNE' and r.valid_from <= t.weighed_at::date)""").param("l", lineId)
                .param("f", start(month)).param("t", start(month.plusMonths(1))).query(Long.class).single();
    }

    /**
     * The tickets of the months in [:f, :t) as they are now ({@code cur}: accepted and not voided,
     * under the tariff of their date), what the documents not voided billed of each ({@code billed}),
     * and the tickets whose difference is still to bill ({@code delta}: new, corrected, moved or voided).
     */
    private static final String TICKETS = """
            with r as (select valid_from, amount, lead(valid_from) over (order by valid_from) as next_from
                       from service_tariff where service_line_id = :l and unit = 'TONNE'),
            cur as (select t.id as ticket_id, t.client_id, date_trunc('month', t.weighed_at)::date as month, r.valid_from,
                        t.net_kg as kg, t.weighed_at::date as day
                    from weighing_ticket t join r on t.weighed_at >= r.valid_from and (r.next_from is null or t.weighed_at < r.next_from)
                    where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t and t.refusal_reason is null
                      and t.voided_at is null),
            billed as (select it.ticket_id, i.client_id, i.month, it.valid_from, sum(it.net_kg) as kg
                       from service_invoice i join service_invoice_ticket it on it.invoice_id = i.id
                       where i.service_line_id = :l and i.month >= cast(:f as date) and i.month < cast(:t as date)
                         and i.voided_at is null
                       group by 1, 2, 3, 4),
            delta as (select coalesce(c.ticket_id, b.ticket_id) as ticket_id, coalesce(c.client_id, b.client_id) as client_id,
                          coalesce(c.month, b.month) as month, coalesce(c.valid_from, b.valid_from) as valid_from,
                          coalesce(c.kg, 0) - coalesce(b.kg, 0) as kg
                      from cur c full join billed b on b.ticket_id = c.ticket_id and b.client_id = c.client_id
                          and b.month = c.month and b.valid_from = c.valid_from
                      where b.ticket_id is null or (c.ticket_id is null and b.kg <> 0) or c.kg <> b.kg)
            """;
    private static final String TARGET = TICKETS + """
            select client_id, valid_from, sum(kg) as kg, min(day) as first_day, max(day) as last_day from cur group by 1, 2""";
    private static final String DELTAS = TICKETS + """
            select client_id, valid_from, count(*) as tickets from delta group by 1, 2 order by 1, 2""";
    private static final String BILLED = """
            select i.client_id, l.valid_from, sum(l.net_kg) as kg, sum(l.amount) as amount
            from service_invoice i join service_invoice_line l on l.invoice_id = i.id
            where i.service_line_id = :l and i.month >= cast(:f as date) and i.month < cast(:t as date) and i.voided_at is null
            group by 1, 2""";

    /** A client's tickets of a month under one tariff as they are now. */
    record Target(long clientId, LocalDate validFrom, long kg, LocalDate firstDay, LocalDate lastDay) {
    }

    /** What the documents not voided billed of a client's month under one tariff. */
    record Billed(long clientId, LocalDate validFrom, long kg, BigDecimal amount) {
    }

    /** How many of a client's tickets of the month under one tariff have a difference still to bill. */
    record Delta(long clientId, LocalDate validFrom, int tickets) {
    }

    private JdbcClient.StatementSpec monthly(String sql, long lineId, YearMonth month) {
        return jdbc.sql(sql).param("l", lineId).param("f", start(month)).param("t", start(month.plusMonths(1)));
    }

    private int documents(long lineId, YearMonth month) {
        return jdbc.sql("select count(*) from service_invoice where service_line_id = :l and month = :m and voided_at is null")
                .param("l", lineId).param("m", month.atDay(1)).query(Integer.class).single();
    }

    /** Whether the client has an invoice (not an adjustment) of the month that is not voided. */
    private boolean invoiced(long lineId, long clientId, YearMonth month) {
        return jdbc.sql("""
                select exists (select 1 from service_invoice where service_line_id = :l and client_id = :c and month = :m
                               and kind = 'INVOICE' and voided_at is null)""").param("l", lineId).param("c", clientId)
                .param("m", month.atDay(1)).query(Boolean.class).single();
    }

    /**
     * Issues one client's document with the next number of the line and year, its lines, and what
     * it billed of each ticket; its number. The counter row is locked until the transaction ends, so
     * numbers are never shared, and a number is taken only with the document that uses it.
     */
    private String issue(long lineId, long clientId, YearMonth month, Kind kind, int year, List<InvoiceLine> rows,
            BigDecimal total, Instant at) {
        int sequence = jdbc.sql("""
                insert into service_invoice_counter (service_line_id, year, last) values (:l, :y, 1)
                on conflict (service_line_id, year) do update set last = service_invoice_counter.last + 1 returning last""")
                .param("l", lineId).param("y", year).query(Integer.class).single();
        String number = number(lineId, year, sequence);
        long kg = rows.stream().mapToLong(InvoiceLine::netKg).sum();
        long id = jdbc.sql("""
                insert into service_invoice (service_line_id, client_id, month, number, kind, year, sequence, net_kg, total,
                    issued_at, issued_by)
                values (:l, :c, :m, :n, :k, :y, :s, :kg, :t, :at, :by) returning id""").param("l", lineId).param("c", clientId)
                .param("m", month.atDay(1)).param("n", number).param("k", kind.name()).param("y", year).param("s", sequence)
                .param("kg", kg).param("t", total).param("at", Timestamp.from(at)).param("by", SystemActor.current())
                .query(Long.class).single();
        for (InvoiceLine r : rows) {
            jdbc.sql("""
                    insert into service_invoice_line (invoice_id, valid_from, first_day, last_day, net_kg, tickets, price, amount)
                    values (:i, :v, :f, :l, :kg, :n, :p, :a)""").param("i", id).param("v", r.validFrom()).param("f", r.firstDay())
                    .param("l", r.lastDay()).param("kg", r.netKg()).param("n", r.tickets()).param("p", r.price())
                    .param("a", r.amount()).update();
        }
        monthly(TICKETS + """
                insert into service_invoice_ticket (invoice_id, ticket_id, valid_from, net_kg)
                select :i, ticket_id, valid_from, kg from delta where client_id = :c""", lineId, month).param("i", id)
                .param("c", clientId).update();
        return number;
    }

    /** A document's number: the line, the year of issue and its place in that year ("12-2026-000007"). */
    static String number(long lineId, int year, int sequence) {
        return "%d-%d-%06d".formatted(lineId, year, sequence);
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.valueOf(month.atDay(1).atStartOfDay());
    }

    /** Tonnes × price per tonne, to the cent (half up, as on a printed invoice). */
    static BigDecimal amount(long kg, BigDecimal pricePerTonne) {
        return BigDecimal.valueOf(kg).multiply(pricePerTonne).divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
    }

    /**
     * Voids a document with a reason: it is never deleted and its number stays used; what it billed
     * no longer counts, so the month's next billing issues it again as it should be.
     */
    @Transactional
    public Invoice voidInvoice(long lineId, long invoiceId, String reason) {
        ServiceLines.Line line = solidWaste(lineId);
        TicketImportJob.lockLine(jdbc, lineId);
        Invoice invoice = invoice(invoiceId);
        if (invoice.lineId() != lineId) {
            throw new NotFoundException("factura", invoiceId);
        }
        String why = Inputs.text(reason);
        new Checks().rule(why != null, "reason", "NotBlank", "services.void.reason")
                .rule(why == null || why.length() <= 500, "reason", "Size", "services.void.reasonSize")
                .rule(invoice.voidedAt() == null, "reason", "NotVoided", "services.invoice.alreadyVoided").orThrow();
        jdbc.sql("update service_invoice set voided_at = :at, voided_by = :by, void_reason = :r where id = :i")
                .param("at", Timestamp.from(zones.now())).param("by", SystemActor.current()).param("r", why).param("i", invoiceId)
                .update();
        Invoice after = invoice(invoiceId);
        audit.record(new Change("VOID", "service_invoice", invoiceId, line.schemeId(),
                "Documento " + invoice.number() + " anulado: " + why, state(invoice), state(after)));
        return after;
    }

    private static Map<String, Object> state(Invoice i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", i.number());
        m.put("kind", i.kind().name());
        m.put("client", i.clientCode());
        m.put("month", i.month().toString());
        m.put("netKg", i.netKg());
        m.put("total", i.total().toPlainString());
        m.put("voidReason", i.voidReason());
        return m;
    }

    /**
     * The tickets of the months of [from, to] that have documents and still have a difference to
     * bill: entered after the month was billed, corrected or voided since, or billed by a document
     * voided since. The next billing of their month settles them.
     */
    @Transactional(readOnly = true)
    public List<Pending> pending(long lineId, LocalDate from, LocalDate to, int size) {
        return jdbc.sql(TICKETS + """
                select t.id, t.ticket_number, c.code, c.name, d.month, t.weighed_at, d.kg, t.voided_at is not null as voided
                from delta d join weighing_ticket t on t.id = d.ticket_id join service_client c on c.id = d.client_id
                where exists (select 1 from service_invoice i where i.service_line_id = :l and i.month = d.month)
                order by d.month, t.weighed_at, t.id limit :size""").param("l", lineId)
                .param("f", Timestamp.valueOf(from.withDayOfMonth(1).atStartOfDay()))
                .param("t", Timestamp.valueOf(to.withDayOfMonth(1).plusMonths(1).atStartOfDay()))
                .param("size", Math.clamp(size, 1, 500))
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("ticket_number"), rs.getString("code"),
                        rs.getString("name"), YearMonth.from(rs.getObject("month", LocalDate.class)),
                        rs.getTimestamp("weighed_at").toLocalDateTime(), rs.getLong("kg"), rs.getBoolean("voided"))).list();
    }

    /** One document in the line's register of a year: every number used, voided ones with their reason. */
    public record RegisterRow(String number, Kind kind, String clientCode, String clientName, YearMonth month, BigDecimal tonnes,
            BigDecimal total, String currency, Instant issuedAt, Instant voidedAt, String voidReason) {
    }

    /** The documents issued in a year, in number order: the register an auditor reads for gaps and voids. */
    @Transactional(readOnly = true)
    public List<RegisterRow> register(long lineId, int year) {
        return jdbc.sql("""
                select i.number, i.kind, c.code, c.name, i.month, i.net_kg, i.total, l.currency, i.issued_at, i.voided_at, i.void_reason
                from service_invoice i join service_client c on c.id = i.client_id join service_line l on l.id = i.service_line_id
                where i.service_line_id = :l and i.year = :y order by i.sequence""").param("l", lineId).param("y", year)
                .query((rs, n) -> new RegisterRow(rs.getString("number"), Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getString("name"), YearMonth.from(rs.getObject("month", LocalDate.class)),
                        BigDecimal.valueOf(rs.getLong("net_kg"), 3), rs.getBigDecimal("total"), rs.getString("currency"),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant(),
                        rs.getString("void_reason"))).list();
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoices(long lineId, YearMonth month) {
        return jdbc.sql("select id from service_invoice where service_line_id = :l and month = :m order by year, sequence")
                .param("l", lineId).param("m", month.atDay(1)).query(Long.class).list().stream().map(this::invoice).toList();
    }

    @Transactional(readOnly = true)
    public Invoice invoice(long id) {
        var lines = jdbc.sql("""
                select valid_from, first_day, last_day, net_kg, tickets, price, amount from service_invoice_line
                where invoice_id = :i order by valid_from""").param("i", id)
                .query(InvoiceLine.class).list();
        return jdbc.sql("""
                select i.id, i.service_line_id, i.number, i.kind, i.client_id, c.code as client_code, c.name as client_name, i.month,
                    i.net_kg, i.total, l.currency, s.country, i.issued_at, i.voided_at, i.void_reason
                from service_invoice i join service_client c on c.id = i.client_id join service_line l on l.id = i.service_line_id
                    join scheme s on s.id = l.scheme_id
                where i.id = :i""").param("i", id)
                .query((rs, n) -> new Invoice(rs.getLong("id"), rs.getLong("service_line_id"), rs.getString("number"),
                        Kind.valueOf(rs.getString("kind")), rs.getLong("client_id"), rs.getString("client_code"),
                        rs.getString("client_name"), YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("net_kg"),
                        rs.getBigDecimal("total"), rs.getString("currency"), rs.getString("country").strip(),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant(),
                        rs.getString("void_reason"), lines))
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
                where t.service_line_id = :l and t.weighed_at >= :f and t.weighed_at < :t and t.voided_at is null
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
