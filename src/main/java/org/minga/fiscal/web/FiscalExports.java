package org.minga.fiscal.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.fiscal.Liquidations;
import org.minga.platform.InvalidInputException;
import org.minga.platform.TableWriter;
import org.minga.platform.web.TableDownloads;

/** The per-parcel results of a liquidation as CSV or XLSX, streamed. */
final class FiscalExports {

    static final List<String> HEADERS = List.of("numero_predial", "base", "tarifa_por_mil", "impuesto_antes_limite",
            "limite", "limitado", "excepcion", "impuesto_final", "impuesto_anterior");

    private FiscalExports() {
    }

    static void liquidation(Liquidations liquidations, long id, String format, HttpServletResponse response)
            throws IOException {
        liquidations.get(id);
        if (!"xlsx".equalsIgnoreCase(format) && !"csv".equalsIgnoreCase(format)) {
            throw new InvalidInputException("format", "OneOf", "fiscal.export.format");
        }
        try (TableWriter out = TableDownloads.open(response, format, "liquidacion-" + id, "Liquidación", HEADERS)) {
            liquidations.export(id, out);
        }
    }
}
