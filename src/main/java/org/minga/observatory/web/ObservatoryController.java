package org.minga.observatory.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.observatory.internal.Figures;
import org.minga.observatory.internal.Observatory;
import org.minga.platform.Zones;
import org.minga.platform.web.Audience;
import org.minga.platform.web.PublicCaching;
import org.minga.platform.web.PublicPage;
import org.minga.platform.web.Reader;
import org.minga.platform.web.TableDownloads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The observatory's page: a country and a date chosen by a plain GET form, each figure as an SVG chart
 * drawn on the server with its table beside it, each table as CSV. No script needed.
 */
@Audience(Reader.PUBLIC)
@Controller
record ObservatoryController(Observatory observatory, ObservatoryTables tables, ObservatoryCharts charts, Zones zones,
        PublicCaching caching) {

    @GetMapping("/public/observatory")
    String page(@RequestParam(defaultValue = "CO") String country,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Figures figures = observatory.figures(country, date(country, at));
        if (caching.notModified(request, response, locale)) {
            return null;
        }
        model.addAttribute("figures", figures);
        model.addAttribute("charts", charts.html(figures, request, response));
        model.addAttribute("countries", Observatory.COUNTRIES);
        model.addAttribute("publicPage", PublicPage.of(tables.text("observatory.description"), "/public/observatory"));
        return "observatory/page";
    }

    /** A table of the page as CSV, with its keys (codes of the register) beside the labels. */
    @GetMapping("/public/observatory/{table}.csv")
    void csv(@PathVariable String table, @RequestParam(defaultValue = "CO") String country,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        if (!Observatory.TABLES.contains(table)) {
            throw new org.minga.platform.NotFoundException("observatory table", table);
        }
        LocalDate date = date(country, at);
        ObservatoryTable t = tables.of(observatory.figures(country, date), table);
        boolean money = t.rows().stream().anyMatch(r -> r.currency() != null) || table.startsWith("investment");
        List<String> headers = new ArrayList<>(money ? List.of("clave", "nombre", "moneda") : List.of("clave", "nombre"));
        headers.addAll(t.columns());
        TableDownloads.writeOpenData(response, "observatorio-" + table + "-" + country + "-" + date, headers,
                t.rows(), r -> {
                    List<Object> line = new ArrayList<>(List.of(r.key(), r.label()));
                    if (money) {
                        line.add(r.currency());
                    }
                    line.addAll(r.values());
                    return line;
                });
    }

    private LocalDate date(String country, LocalDate at) {
        if (at != null) {
            return at;
        }
        return Observatory.COUNTRIES.contains(country) ? zones.today(country) : zones.today();
    }
}
