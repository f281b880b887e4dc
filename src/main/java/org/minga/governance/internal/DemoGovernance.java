package org.minga.governance.internal;

import java.time.LocalDate;
import java.util.List;

import org.minga.registry.DemoSchemesRegistered;
import org.minga.registry.SchemeFacts;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' board meeting in the demo (after the register's demo board, before evaluation reads
 * the health index): the statutes' rules of the board, two ordinary sessions of 2025 with their
 * attendance and three decisions. Rules, sessions and decisions are invented to illustrate.
 */
@Component
record DemoGovernance(SchemeFacts facts, Statutes statutes, Sessions sessions, Decisions decisions,
        TransactionTemplate tx) {

    private static final String INVENTED = " (" + DemoSchemesRegistered.INVENTED + ")";

    @EventListener
    @Order(35)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        var board = facts.bodies(scheme).stream().filter(b -> b.kind().equals("BOARD")).findFirst();
        if (board.isEmpty() || !statutes.of(scheme).isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> load(scheme, board.get()));
    }

    private void load(long scheme, SchemeFacts.Body board) {
        statutes.set(scheme, new Statutes.RuleInput(board.id(), LocalDate.of(2024, 1, 1), 51, "SIMPLE", "TWO_THIRDS",
                8, 2, 4));
        List<Long> seats = facts.seatsInTerm(board.id(), LocalDate.of(2025, 3, 14)).stream()
                .map(SchemeFacts.SeatInTerm::seatId).toList();
        var first = sessions.convene(scheme, new Sessions.SessionInput(board.id(), "ORDINARY", LocalDate.of(2025, 3, 14),
                "09:00", "Sede de Asomunicipios, Ocaña", null, LocalDate.of(2025, 3, 1),
                "1. Verificación del quórum.\n2. Informe de la dirección ejecutiva.\n3. Plan de trabajo 2025."
                        + INVENTED));
        sessions.takeAttendance(scheme, first.id(), seats.subList(0, 4));
        decisions.adopt(scheme, first.id(), new Decisions.DecisionInput("AGREEMENT", "Aprobación del plan de trabajo 2025",
                "La junta aprueba el plan de trabajo 2025 presentado por la dirección ejecutiva." + INVENTED, 4, 0, 0,
                null, null, null, null, null, null));
        decisions.adopt(scheme, first.id(), new Decisions.DecisionInput("RESOLUTION", "Delegación para gestionar cofinanciación",
                "Se delega en la dirección ejecutiva la gestión de cofinanciación de electrificación rural." + INVENTED,
                3, 1, 0, null, null, null, null, null, null));
        var second = sessions.convene(scheme, new Sessions.SessionInput(board.id(), "ORDINARY", LocalDate.of(2025, 7, 11),
                "09:00", null, "https://reuniones.example.org/asomunicipios", LocalDate.of(2025, 6, 27),
                "1. Verificación del quórum.\n2. Seguimiento de proyectos." + INVENTED));
        sessions.takeAttendance(scheme, second.id(), seats);
        decisions.adopt(scheme, second.id(), new Decisions.DecisionInput("AGREEMENT", "Informe de seguimiento de proyectos",
                "La junta da por recibido el informe de seguimiento del primer semestre." + INVENTED, 5, 0, 0, null, null,
                null, null, null, null));
    }
}
