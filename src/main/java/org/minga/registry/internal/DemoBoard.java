package org.minga.registry.internal;

import java.time.LocalDate;
import java.util.List;

import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' board in the demo, before the modules that read it (governance's sessions): five
 * mayors of member municipalities for the 2024–2027 period, as the catatumbo source describes a
 * board of mayors. The people are invented, not real mayors.
 */
@Component
record DemoBoard(GoverningBodies bodies, TransactionTemplate tx) {

    static final String BOARD = "Junta Directiva";
    private static final String INVENTED = " (" + DemoSchemesRegistered.INVENTED + ")";

    @EventListener
    @Order(5)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (bodies.of(scheme).stream().anyMatch(b -> b.name().equals(BOARD))) {
            return;
        }
        tx.executeWithoutResult(status -> {
            long board = bodies.create(scheme, GoverningBodies.Kind.BOARD.name(), BOARD).id();
            List<String[]> seats = List.of(new String[] {"PRESIDENT", "54498", "Ocaña"},
                    new String[] {"VICE_PRESIDENT", "54810", "Tibú"}, new String[] {"SECRETARY", "54003", "Ábrego"},
                    new String[] {"TREASURER", "54128", "Cáchira"}, new String[] {"MEMBER", "54206", "Convención"});
            for (String[] s : seats) {
                bodies.addSeat(scheme, board, new GoverningBodies.NewSeat("Alcaldía de " + s[2] + INVENTED, s[0], s[1],
                        LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)));
            }
        });
    }
}
