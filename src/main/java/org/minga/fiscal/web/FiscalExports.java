package org.minga.fiscal.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.fiscal.Liquidations;
import org.minga.platform.InvalidInputException;
import org.minga.platform.TableWriter;

/** The per-parcel results of a liquidation as CSV or XLSX, streamed. */
final class FiscalExports {

    static final List<String> HEADERS = List.of("numero_predial", "base", "tarifa_por_mil", "impuesto_antes_limite",
            "limite", "limitado", "excepcion", "impuesto_final", "impuesto_anterior");

    private FiscalExports() {
    }

    static void liquidation(Liquidations liquidations, long id, String format, HttpServletResponse response)
            throws IOException {
        liquidations.get(id);
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"csv".equalsIgnoreCase(format)) {
            throw new InvalidInputException("format", "OneOf", "fiscal.export.format");
        }
        String name = "liquidacion-" + id + (xlsx ? ".xlsx" : ".csv");
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (TableWriter out = xlsx ? TableWriter.xlsx(response.getOutputStream(), "Liquidación", HEADERS)
                : TableWriter.csv(response.getOutputStream(), HEADERS)) {
            liquidations.export(id, out);
        }
    }
}
