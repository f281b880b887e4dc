package org.minga.fiscal.internal;

import static org.minga.registry.DemoSchemesRegistered.INVENTED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.minga.fiscal.Cadastres;
import org.minga.fiscal.Liquidations;
import org.minga.fiscal.TaxRates;
import org.minga.platform.Jobs;
import org.minga.registry.DemoSchemesRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The property tax of one member of Asomunicipios, Ocaña: a small invented cadastre (36 parcels,
 * its file name says so), rates within the national bounds of Ley 44 de 1990 (as amended by Ley
 * 1450 de 2011), the official liquidation of the year and a simulation of a rural cadastral update
 * beside it. The cooperacion-tecnica source names this work: the cadastre for the property tax
 * and the legal limits on its yearly increase. Cadastre import and liquidations are jobs: the
 * listener waits for each.
 */
@Component
record DemoFiscal(Cadastres cadastres, TaxRates rates, Liquidations liquidations, Jobs jobs) {

    /** Its jobs (imports, liquidations) must end before the demo says it is ready. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    static final String TOWN = "54498";
    /** The last year whose CPI and minimum wage the law data ship with (the limits need both). */
    static final int YEAR = 2024;
    static final String FILE = "Catastro de demostración de Ocaña " + YEAR + " (inventado).csv";
    static final int PARCELS = 36;
    static final String HEADER = "numero_predial,municipio,zona,destino,estrato,area_terreno,area_construida,avaluo,"
            + "vigencia_avaluo,actualizado,autoavaluo,impuesto_anterior,destino_anterior,area_terreno_anterior,"
            + "area_construida_anterior";

    /** Rate bands (zone, destination, per mil), all within 5–16 ‰, or 5–33 ‰ for unbuilt lots. */
    record Rate(String zone, String destination, String perMil) {
    }

    static final List<Rate> RATES = List.of(new Rate(null, null, "9"), new Rate("R", null, "6.5"),
            new Rate("U", "A", "5.5"), new Rate("U", "C", "11"), new Rate(null, "Q", "25"), new Rate(null, "R", "20"));

    @EventListener
    @Order(60)
    void on(DemoSchemesRegistered demo) {
        long scheme = demo.id("ASOMUNICIPIOS");
        if (cadastres.active(scheme, TOWN, YEAR).isPresent()) {
            return;
        }
        try {
            jobs.awaitSuccess(cadastres.upload(scheme, TOWN, YEAR, FILE, new ByteArrayInputStream(cadastre())).jobId(),
                    PATIENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Rate r : RATES) {
            rates.addBand(scheme, TOWN, YEAR, new TaxRates.BandInput(r.zone(), r.destination(), null, null, null,
                    new BigDecimal(r.perMil())));
        }
        jobs.awaitSuccess(liquidations.liquidate(scheme, TOWN, YEAR).jobId(), PATIENCE);
        jobs.awaitSuccess(liquidations.simulate(scheme, TOWN, YEAR, new Liquidations.ScenarioInput(
                "Actualización catastral rural +30 % (" + INVENTED.toLowerCase() + ")", null, null, 130)).jobId(),
                PATIENCE);
    }

    /**
     * Invented parcels: urban housing of strata 1 to 4, shops, rural farms and two lots; most were
     * taxed last year near this year's tax, some were updated and rise more, so the limits show.
     */
    static byte[] cadastre() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        Random random = new Random(54498);
        for (int i = 1; i <= PARCELS; i++) {
            boolean rural = i % 4 == 0;
            String destination = i == 17 ? "Q" : i == 29 ? "R" : rural ? "D" : i % 5 == 0 ? "C" : "A";
            int stratum = destination.equals("A") ? 1 + i % 4 : 0;
            long value = switch (destination) {
                case "A" -> (30 + stratum * 30 + random.nextInt(40)) * 1_000_000L;
                case "C" -> (150 + random.nextInt(250)) * 1_000_000L;
                case "D" -> (20 + random.nextInt(100)) * 1_000_000L;
                default -> (40 + random.nextInt(50)) * 1_000_000L;
            };
            boolean updated = i % 3 == 0;
            int land = rural ? 20_000 + random.nextInt(80_000) : 90 + random.nextInt(300);
            int built = destination.equals("Q") || destination.equals("R") ? 0 : rural ? 80 : land * 3 / 4;
            // Last year's tax: about this year's for most; far lower where the cadastre was updated.
            long previous = value * 8 / 1000 * (updated ? 55 : 95) / 100 / 100 * 100;
            csv.append("%s%025d,%s,%s,%s,%d,%d,%d,%d,%d,%s,N,%d,%s,%d,%d%n".formatted(TOWN, i, TOWN, rural ? "R" : "U",
                    destination, stratum, land, built, value, updated ? YEAR : YEAR - 3, updated ? "S" : "N", previous,
                    destination, land, built));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

}
