package org.minga.finance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.minga.finance.Contributions;
import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' contributions in the demo: a quarterly administration fee for its sixteen members
 * in 2024 and 2025 (the source speaks of "cuotas de administración", catatumbo L599, without an
 * amount), one contribution in kind, and payments that leave most members up to date and three in
 * arrears, so that the equity page sets what each paid against what the projects gave it. Amounts
 * and dates are invented; every payment says so in its reference.
 */
@Component
record DemoContributions(Contributions contributions, TransactionTemplate tx) {

    static final String FEE = "Cuota de administración";
    static final List<String> MEMBERS = List.of("54498", "54003", "54128", "54206", "54245", "54250", "54344",
            "54385", "54398", "54670", "54720", "54800", "54810", "54871", "54109", "20614");
    /** Quarters paid per member and year where not all four were (the rest are up to date). */
    static final Map<String, int[]> PAID_QUARTERS = Map.of("54810", new int[] {4, 1}, "54344", new int[] {3, 0},
            "54250", new int[] {4, 3});
    private static final BigDecimal QUARTERLY = BigDecimal.valueOf(6_000_000);
    private static final String REFERENCE = "Consignación bancaria. " + DemoSchemesRegistered.INVENTED;

    @EventListener
    @Order(20)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (contributions.rules(scheme).stream().anyMatch(r -> r.name().startsWith(FEE))) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (int year : new int[] {2024, 2025}) {
                fees(scheme, year);
            }
            inKind(scheme);
        });
    }

    private void fees(long scheme, int year) {
        var rule = contributions.createRule(scheme, new Contributions.RuleInput(year, FEE + " " + year, "FIXED",
                QUARTERLY, null, "QUARTERLY", "COP", 15, MEMBERS));
        contributions.generate(scheme, rule.id());
        for (int m = 0; m < MEMBERS.size(); m++) {
            String unit = MEMBERS.get(m);
            int[] paid = PAID_QUARTERS.get(unit);
            int quarters = paid == null ? 4 : paid[year - 2024];
            for (int q = 0; q < quarters; q++) {
                // Paid within three weeks of the due date, a little later for some members.
                LocalDate on = LocalDate.of(year, 1 + 3 * q, 15).plusDays(2 + (m * 3 + q * 5) % 20);
                contributions.pay(scheme, new Contributions.PaymentInput(unit, on, QUARTERLY, "COP", REFERENCE));
            }
        }
    }

    /** Ocaña lends the executive direction its office: a contribution in kind (invented). */
    private void inKind(long scheme) {
        var rule = contributions.createRule(scheme, new Contributions.RuleInput(2025, "Aportes en especie 2025",
                "IN_KIND", null, null, "YEARLY", "COP", 15, List.of("54498")));
        contributions.contributeInKind(scheme, rule.id(), "54498", LocalDate.of(2025, 12, 1),
                BigDecimal.valueOf(18_000_000), "Sede y servicios públicos de la dirección ejecutiva en Ocaña. "
                        + DemoSchemesRegistered.INVENTED + ".");
    }
}
