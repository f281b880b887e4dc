package org.minga.transitions.internal;

import java.time.LocalDate;
import java.util.List;

import org.minga.registry.DemoSchemesRegistered;
import org.minga.transitions.Elections;
import org.minga.transitions.Transitions;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asomunicipios' handover in the demo, last of the modules so the dossiers carry everyone's data:
 * Ocaña's mayoral election of 29 October 2023 (the Colombian local elections; period 2024–2027), three
 * candidates who each receive the same candidate dossier (the neutrality the source asks for,
 * catatumbo L509–515), the outgoing and incoming mayors and the handover dossier for the incoming
 * administrations of Ocaña and Tibú (L725–749). Candidates and mayors are invented, not real people.
 * Dossiers are rendered to PDF in the service's own call (no background job to wait for); their
 * deliveries are dated by the service when the demo loads.
 */
@Component
record DemoTransitions(Transitions transitions, Elections elections, TransactionTemplate tx) {

    static final String ELECTION = "Elección de alcalde de Ocaña 2023";
    private static final String INVENTED = " (" + DemoSchemesRegistered.INVENTED + ")";
    static final List<String> CANDIDATES = List.of("Candidata A", "Candidato B", "Candidato C");

    @EventListener
    @Order(90)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (elections.elections(scheme).stream().anyMatch(e -> e.name().equals(ELECTION))) {
            return;
        }
        tx.executeWithoutResult(status -> load(scheme));
    }

    private void load(long scheme) {
        for (String unit : List.of("54498", "54810")) {
            String place = unit.equals("54498") ? "Ocaña" : "Tibú";
            elections.addMayor(scheme, new Elections.MayorInput(unit, "Alcalde saliente de " + place + INVENTED, null,
                    LocalDate.of(2023, 6, 1)));
            elections.addMayor(scheme, new Elections.MayorInput(unit, "Alcaldesa entrante de " + place + INVENTED, null,
                    LocalDate.of(2024, 1, 1)));
        }
        long election = elections.createElection(scheme,
                new Elections.ElectionInput(ELECTION, "54498", LocalDate.of(2023, 10, 29), LocalDate.of(2023, 9, 30))).id();
        for (String name : CANDIDATES) {
            long candidate = elections.addCandidate(scheme, election,
                    new Elections.CandidateInput(name + INVENTED, "Partido de demostración")).id();
            transitions.deliverToCandidate(scheme, election, candidate);
        }
        transitions.handover(scheme, "54498", "Alcaldía entrante de Ocaña 2024–2027" + INVENTED);
        transitions.handover(scheme, "54810", "Alcaldía entrante de Tibú 2024–2027" + INVENTED);
    }
}
