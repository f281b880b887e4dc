package org.minga.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Payments are applied by a rule of the records, not by the order of typing: the same rules,
 * obligations and payments entered in different orders into two schemes give the same arrears,
 * statements, obligation lists and payment lists at every date (random records and cut dates from
 * a fixed seed). Voids and corrections are refused outside the scheme and leave their history.
 */
@IntegrationTest
class PaymentOrderTests {

    static final String[] MEMBERS = {"54498", "54003"};
    static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Contributions contributions;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
    }

    record Receipt(String unit, LocalDate on, BigDecimal amount, String reference) {
    }

    record Ledger(long scheme, String treasurer) {
    }

    @Test
    void theSameRecordsInAnyEntryOrderGiveTheSameFiguresAtEveryDate() throws Exception {
        Random random = new Random(18_100);
        for (int round = 0; round < 4; round++) {
            List<Receipt> receipts = new ArrayList<>();
            int count = 6 + random.nextInt(7);
            for (int i = 0; i < count; i++) {
                // A few large receipts leave credits that must settle the 2025 obligations generated later.
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(8) == 0 ? 2000 : 10 * (1 + random.nextInt(40)));
                receipts.add(new Receipt(MEMBERS[random.nextInt(2)], FIRST.plusDays(random.nextInt(540)), amount,
                        random.nextBoolean() ? null : "R-" + random.nextInt(4)));
            }
            // In date order, every rule generated before any payment.
            Ledger tidy = ledger();
            generate(tidy, rule(tidy, 2024, "MONTHLY", "100.00"));
            generate(tidy, rule(tidy, 2025, "QUARTERLY", "300.00"));
            List<Receipt> byDate = new ArrayList<>(receipts);
            byDate.sort(java.util.Comparator.comparing(Receipt::on));
            for (Receipt r : byDate) {
                pay(tidy, r);
            }
            // Shuffled, the 2025 rule generated after every payment, and a mistyped receipt voided.
            Ledger messy = ledger();
            generate(messy, rule(messy, 2024, "MONTHLY", "100.00"));
            List<Receipt> shuffled = new ArrayList<>(receipts);
            Collections.shuffle(shuffled, random);
            long wrong = -1;
            for (int i = 0; i < shuffled.size(); i++) {
                if (i == shuffled.size() / 2) {
                    wrong = pay(messy, new Receipt(MEMBERS[0], FIRST.plusDays(random.nextInt(300)),
                            new BigDecimal("777.00"), "Digitado dos veces"));
                }
                pay(messy, shuffled.get(i));
            }
            generate(messy, rule(messy, 2025, "QUARTERLY", "300.00"));
            voidPayment(messy, wrong, "Recibo digitado dos veces").andExpect(status().isOk());

            List<LocalDate> cuts = new ArrayList<>(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 12, 31),
                    LocalDate.of(2025, 6, 30), LocalDate.of(2026, 1, 1)));
            for (int i = 0; i < 12; i++) {
                cuts.add(FIRST.plusDays(random.nextInt(760)));
            }
            for (LocalDate at : cuts) {
                assertThat(contributions.arrears(messy.scheme(), at, null)).as("round %d, arrears at %s", round, at)
                        .isEqualTo(contributions.arrears(tidy.scheme(), at, null));
                for (String unit : MEMBERS) {
                    assertThat(figures(messy, unit, at)).as("round %d, %s at %s", round, unit, at)
                            .isEqualTo(figures(tidy, unit, at));
                }
            }
        }
    }

    @Test
    void aReceiptTypedBeforeAnOlderOnePaysTheOldestPeriodAndAPastDateIgnoresLaterPayments() throws Exception {
        Ledger l = ledger();
        generate(l, rule(l, 2024, "MONTHLY", "100.00")); // due on the 10th of every month
        pay(l, new Receipt("54498", LocalDate.of(2024, 3, 5), new BigDecimal("100.00"), "Recibo 2"));
        pay(l, new Receipt("54498", LocalDate.of(2024, 2, 1), new BigDecimal("100.00"), "Recibo 1"));
        // On 29 February the February receipt has paid January; March's receipt had not been made.
        LocalDate leap = LocalDate.of(2024, 2, 29);
        Contributions.Statement s = contributions.statement(l.scheme(), "54498", leap);
        assertThat(s.obligations()).extracting(Contributions.Obligation::paid)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("0.00"));
        assertThat(s.payments()).extracting(Contributions.Payment::reference).containsExactly("Recibo 1");
        assertThat(s.balances().getFirst().balance()).isEqualByComparingTo("100.00");
        assertThat(s.arrears()).singleElement().satisfies(a -> {
            assertThat(a.upTo30()).isEqualByComparingTo("100.00");
            assertThat(a.total()).isEqualByComparingTo(s.balances().getFirst().balance());
        });
        // On 31 March both receipts have paid January and February; March is past due.
        Contributions.Statement march = contributions.statement(l.scheme(), "54498", LocalDate.of(2024, 3, 31));
        assertThat(march.obligations()).extracting(Contributions.Obligation::paid)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("100.00"), new BigDecimal("0.00"));
        assertThat(march.arrears().getFirst().total()).isEqualByComparingTo("100.00");
    }

    @Test
    void aVoidedPaymentStaysVisibleWithItsReasonAndACorrectionPointsToItsReplacement() throws Exception {
        Ledger l = ledger();
        generate(l, rule(l, 2024, "YEARLY", "1000.00"));
        long first = pay(l, new Receipt("54003", LocalDate.of(2024, 2, 1), new BigDecimal("1000.00"), "Recibo 7"));
        assertThat(contributions.arrears(l.scheme(), LocalDate.of(2024, 6, 1), "54003")).isEmpty();
        voidPayment(l, first, "  ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        // On the page, the same refusal in Spanish above the list; nothing changes.
        mvc.perform(post("/finance/schemes/" + l.scheme() + "/payments/" + first + "/void").param("reason", "")
                .with(user(l.treasurer()).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Este campo es obligatorio.")));
        assertThat(contributions.arrears(l.scheme(), LocalDate.of(2024, 6, 1), "54003")).isEmpty();
        String body = write(l, post(base(l) + "/payments/" + first + "/correction"), "{\"unitCode\":\"54003\","
                + "\"paidOn\":\"2024-02-01\",\"amount\":100.00,\"currency\":\"COP\",\"reference\":\"Recibo 7\","
                + "\"reason\":\"El recibo dice cien mil, no un millón\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long replacement = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(contributions.arrears(l.scheme(), LocalDate.of(2024, 6, 1), "54003")).singleElement()
                .satisfies(a -> assertThat(a.total()).isEqualByComparingTo("900.00"));
        List<Contributions.Payment> listed = contributions.payments(l.scheme(), "54003", LocalDate.of(2024, 12, 31));
        assertThat(listed).extracting(Contributions.Payment::id).contains(first, replacement);
        Contributions.Payment old = listed.stream().filter(p -> p.id() == first).findFirst().orElseThrow();
        assertThat(old.voidReason()).isEqualTo("El recibo dice cien mil, no un millón");
        assertThat(old.replacedBy()).isEqualTo(replacement);
        assertThat(old.applied()).isEqualByComparingTo("0");
        voidPayment(l, first, "otra vez").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NotVoided"));
        assertThat(jdbc.sql("""
                select count(*) from audit_event where scheme_id = :s and entity_type = 'contribution_payment'
                and entity_id = :p and action = 'UPDATE' and before_state::text like '%1000.00%'""")
                .param("s", l.scheme()).param("p", String.valueOf(first)).query(Integer.class).single()).isEqualTo(1);
        // Equity counts the corrected amount only.
        assertThat(jdbc.sql("select amount from contribution_paid_year where scheme_id = :s and unit_code = '54003'")
                .param("s", l.scheme()).query(BigDecimal.class).single()).isEqualByComparingTo("100.00");
    }

    @Test
    void voidsAndCorrectionsAreRefusedOutsideTheSchemeAndToAMemberOfficialAndChangeNothing() throws Exception {
        Ledger l = ledger();
        long rule = rule(l, 2024, "YEARLY", "1000.00");
        generate(l, rule);
        long paid = pay(l, new Receipt("54003", LocalDate.of(2024, 2, 1), new BigDecimal("500.00"), null));
        long other = new ApiFixtures(mvc).scheme(TestData.unique("Ajena"));
        String outsider = TestData.unique("intruso");
        new ApiFixtures(mvc).user(outsider, "una-clave-larga-1", "SCHEME_ADMIN", other, null);
        String official = TestData.unique("alcaldia");
        new ApiFixtures(mvc).user(official, "una-clave-larga-1", "MEMBER_OFFICIAL", l.scheme(), "54003");
        int audits = audits(l.scheme());
        for (var who : List.of(user(outsider).roles("SCHEME_ADMIN"), user(official).roles("MEMBER_OFFICIAL"))) {
            mvc.perform(json(post(base(l) + "/payments/" + paid + "/void"), "{\"reason\":\"x\"}").with(who))
                    .andExpect(status().isForbidden());
            mvc.perform(json(post(base(l) + "/payments/" + paid + "/correction"), "{\"unitCode\":\"54003\","
                    + "\"paidOn\":\"2024-02-01\",\"amount\":1,\"currency\":\"COP\",\"reason\":\"x\"}").with(who))
                    .andExpect(status().isForbidden());
            mvc.perform(json(post(base(l) + "/rules/" + rule + "/void"), "{\"reason\":\"x\"}").with(who))
                    .andExpect(status().isForbidden());
            String page = "/finance/schemes/" + l.scheme();
            mvc.perform(post(page + "/payments/" + paid + "/void").param("reason", "x").with(who).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(page + "/payments/correction").param("paymentId", String.valueOf(paid))
                    .param("unitCode", "54003").param("paidOn", "2024-02-01").param("amount", "1")
                    .param("currency", "COP").param("reason", "x").with(who).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post(page + "/rules/" + rule + "/void").param("reason", "x").with(who).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // A payment of another scheme is not found through this one.
        String stranger = TestData.unique("tesorera");
        new ApiFixtures(mvc).user(stranger, "una-clave-larga-1", "SCHEME_ADMIN", other, null);
        mvc.perform(json(post("/api/v1/finance/schemes/" + other + "/payments/" + paid + "/void"), "{\"reason\":\"x\"}")
                .with(user(stranger).roles("SCHEME_ADMIN"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from contribution_payment where scheme_id = :s and voided_at is null")
                .param("s", l.scheme()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select void_reason from contribution_rule where id = :r").param("r", rule)
                .query(String.class).optional()).isEmpty();
        assertThat(audits(l.scheme())).isEqualTo(audits);
    }

    @Test
    void aVoidedRuleStopsCountingAndWhatWasPaidUnderItBecomesCredit() throws Exception {
        Ledger l = ledger();
        long wrong = rule(l, 2024, "YEARLY", "900.00");
        generate(l, wrong);
        pay(l, new Receipt("54498", LocalDate.of(2024, 2, 1), new BigDecimal("900.00"), null));
        write(l, post(base(l) + "/rules/" + wrong + "/void"), "{\"reason\":\"Cuota aprobada por error; el acta fija 600\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.voidReason").value("Cuota aprobada por error; el acta fija 600"));
        generate(l, rule(l, 2024, "YEARLY", "600.00"));
        Contributions.Statement s = contributions.statement(l.scheme(), "54498", LocalDate.of(2024, 12, 31));
        assertThat(s.obligations()).singleElement().satisfies(o -> assertThat(o.paid()).isEqualByComparingTo("600.00"));
        assertThat(s.balances().getFirst().balance()).isEqualByComparingTo("-300.00");
        write(l, post(base(l) + "/rules/" + wrong + "/obligations"), "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NotVoided"));
    }

    @Test
    void voidingAContributionInKindTakesItsValueOutOfItsOwnObligationAndCannotBeCorrectedInPlace() throws Exception {
        Ledger l = ledger();
        String body = write(l, post(base(l) + "/rules"), "{\"year\":2024,\"name\":\"Maquinaria\",\"kind\":\"IN_KIND\","
                + "\"periodicity\":\"YEARLY\",\"currency\":\"COP\",\"dueDay\":10,\"members\":[\"54003\"]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long rule = ((Number) JsonPath.read(body, "$.id")).longValue();
        String made = write(l, post(base(l) + "/in-kind"), "{\"ruleId\":" + rule + ",\"unitCode\":\"54003\","
                + "\"on\":\"2024-05-02\",\"amount\":800000,\"description\":\"Retroexcavadora 10 días\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long inKind = ((Number) JsonPath.read(made, "$.id")).longValue();
        write(l, post(base(l) + "/payments/" + inKind + "/correction"), "{\"unitCode\":\"54003\",\"paidOn\":\"2024-05-02\","
                + "\"amount\":1,\"currency\":\"COP\",\"reason\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("InKind"));
        voidPayment(l, inKind, "La máquina no llegó").andExpect(status().isOk())
                .andExpect(jsonPath("$.voidReason").value("La máquina no llegó"));
        Contributions.Statement s = contributions.statement(l.scheme(), "54003", LocalDate.of(2024, 12, 31));
        assertThat(s.obligations()).isEmpty();
        assertThat(s.payments()).isEmpty();
        assertThat(s.arrears()).isEmpty();
        assertThat(jdbc.sql("select amount from contribution_obligation where rule_id = :r").param("r", rule)
                .query(BigDecimal.class).single()).isEqualByComparingTo("0");
    }

    @Test
    void correctingABaseNeedsAReasonAndItsObligationsFollowWithTheOldAmountInTheAudit() throws Exception {
        Ledger l = ledger();
        write(l, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base(l) + "/bases"),
                "{\"year\":2024,\"unitCode\":\"54498\",\"amount\":400000,\"currency\":\"COP\"}").andExpect(status().isOk());
        String body = write(l, post(base(l) + "/rules"), "{\"year\":2024,\"name\":\"Uno por ciento\",\"kind\":\"PERCENT_OF_BASE\","
                + "\"percent\":1,\"periodicity\":\"QUARTERLY\",\"currency\":\"COP\",\"dueDay\":10,\"members\":[\"54498\"]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        generate(l, ((Number) JsonPath.read(body, "$.id")).longValue());
        pay(l, new Receipt("54498", LocalDate.of(2024, 1, 20), new BigDecimal("1500.00"), null));
        // 1 % of 400,000 is 4,000 a year, 1,000 a quarter: the receipt covers one quarter and a half.
        assertThat(contributions.obligations(l.scheme(), "54498", LocalDate.of(2024, 12, 31)))
                .extracting(Contributions.Obligation::paid).containsExactly(new BigDecimal("1000.00"),
                        new BigDecimal("500.00"), new BigDecimal("0.00"), new BigDecimal("0.00"));
        write(l, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base(l) + "/bases"),
                "{\"year\":2024,\"unitCode\":\"54498\",\"amount\":200000,\"currency\":\"COP\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        write(l, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base(l) + "/bases"),
                "{\"year\":2024,\"unitCode\":\"54498\",\"amount\":200000,\"currency\":\"COP\","
                + "\"reason\":\"La certificación del FODES dice 200.000\"}").andExpect(status().isOk());
        // Now 500 a quarter: the same receipt pays three quarters.
        assertThat(contributions.obligations(l.scheme(), "54498", LocalDate.of(2024, 12, 31)))
                .extracting(Contributions.Obligation::amount, Contributions.Obligation::paid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("500.00"), new BigDecimal("500.00")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("500.00"), new BigDecimal("500.00")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("500.00"), new BigDecimal("500.00")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("500.00"), new BigDecimal("0.00")));
        assertThat(jdbc.sql("""
                select count(*) from audit_event where scheme_id = :s and entity_type = 'contribution_base'
                and action = 'UPDATE' and before_state ->> 'amount' = '400000.00' and after_state ->> 'reason' like 'La certificación%'""")
                .param("s", l.scheme()).query(Integer.class).single()).isEqualTo(1);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A scheme with a treasurer of its own. */
    Ledger ledger() throws Exception {
        long scheme = new ApiFixtures(mvc).scheme(TestData.unique("Orden"));
        String treasurer = TestData.unique("tesorera");
        new ApiFixtures(mvc).user(treasurer, "una-clave-larga-1", "SCHEME_ADMIN", scheme, null);
        return new Ledger(scheme, treasurer);
    }

    static String base(Ledger l) {
        return "/api/v1/finance/schemes/" + l.scheme();
    }

    long rule(Ledger l, int year, String periodicity, String amount) throws Exception {
        String body = write(l, post(base(l) + "/rules"), "{\"year\":" + year + ",\"name\":\"Cuota " + year
                + "\",\"kind\":\"FIXED\",\"amount\":" + amount + ",\"periodicity\":\"" + periodicity
                + "\",\"currency\":\"COP\",\"dueDay\":10,\"members\":[\"54498\",\"54003\"]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void generate(Ledger l, long rule) throws Exception {
        write(l, post(base(l) + "/rules/" + rule + "/obligations"), "").andExpect(status().isOk());
    }

    long pay(Ledger l, Receipt r) throws Exception {
        String body = write(l, post(base(l) + "/payments"), "{\"unitCode\":\"" + r.unit() + "\",\"paidOn\":\"" + r.on()
                + "\",\"amount\":" + r.amount() + ",\"currency\":\"COP\""
                + (r.reference() == null ? "" : ",\"reference\":\"" + r.reference() + "\"") + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions voidPayment(Ledger l, long payment, String reason) throws Exception {
        return write(l, post(base(l) + "/payments/" + payment + "/void"), "{\"reason\":\"" + reason + "\"}");
    }

    /**
     * What a member's statement, obligation list and payment list say at a date, told without ids
     * (the two schemes number their records differently); voided payments left out.
     */
    List<String> figures(Ledger l, String unit, LocalDate at) {
        List<String> lines = new ArrayList<>();
        Contributions.Statement s = contributions.statement(l.scheme(), unit, at);
        s.balances().forEach(b -> lines.add("balance " + b.currency() + " " + b.due() + " " + b.paid() + " " + b.balance()));
        s.arrears().forEach(a -> lines.add("arrears " + a.upTo30() + " " + a.from31To90() + " " + a.over90()));
        contributions.obligations(l.scheme(), unit, at).forEach(o -> lines.add("obligation " + o.ruleName() + " "
                + o.periodStart() + " " + o.amount() + " paid " + o.paid().setScale(2)));
        contributions.payments(l.scheme(), unit, at).stream().filter(p -> !p.voided())
                .map(p -> "payment " + p.paidOn() + " " + p.amount() + " " + p.reference() + " applied "
                        + p.applied().setScale(2)).sorted().forEach(lines::add);
        return lines;
    }

    int audits(long scheme) {
        return jdbc.sql("select count(*) from audit_event where scheme_id = :s").param("s", scheme).query(Integer.class).single();
    }

    ResultActions write(Ledger l, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(json(request, body).with(user(l.treasurer()).roles("SCHEME_ADMIN")));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }
}
