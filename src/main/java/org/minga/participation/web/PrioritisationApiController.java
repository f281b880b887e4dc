package org.minga.participation.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.participation.internal.Prioritisations;
import org.minga.participation.internal.voting.Result;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.ACCOUNT)
@RestController
@Tag(name = "Participación")
record PrioritisationApiController(Prioritisations prioritisations) {

    @PostMapping("/api/v1/participation/prioritisations/compute")
    @Operation(summary = "Calcula una priorización (Schulze, Borda, aprobación o presupuesto participativo) sin guardar nada",
            description = "Cuerpo: {method: SCHULZE | BORDA | APPROVAL | BUDGET, options: [nombres, hasta 200], ballots: "
                    + "[{ranking: [opciones en orden de preferencia] (SCHULZE, BORDA) o approved: [opciones aprobadas] "
                    + "(APPROVAL, BUDGET), count: votantes con esa papeleta, 1 si se omite}], budget y costs: {opción: costo} "
                    + "(solo BUDGET)}. Las opciones que una papeleta ordenada no menciona empatan al final; en Borda, la "
                    + "posición k de n recibe n − k puntos y las no mencionadas 0. Responde {ranking: [{option, position, "
                    + "score}], winners, explanation}; los empates comparten posición (1, 1, 3). Con muchos votantes, envíe "
                    + "cada papeleta distinta una vez con su count.")
    Result compute(@RequestBody Prioritisations.Request request) {
        return prioritisations.compute(request);
    }
}
