package org.minga.territory.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.time.LocalDate;
import java.util.Map;

import org.minga.platform.Zones;
import org.minga.territory.Level;
import org.minga.territory.internal.TerritoryQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The map (departments, then their municipalities or districts), unit pages and search. */
@Audience(Reader.ACCOUNT)
@Controller
record TerritoryController(TerritoryQueries queries, Zones zones) {

    @GetMapping("/territory")
    String map(@RequestParam(defaultValue = "CO") String country,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model) {
        String shown = "SV".equals(country) ? "SV" : "CO";
        model.addAttribute("country", shown);
        model.addAttribute("at", at == null ? zones.today(shown) : at);
        return "territory/map";
    }

    /** The map's boundaries, for the signed-in browser (the API itself takes HTTP Basic only). */
    @GetMapping(value = "/territory/geojson", produces = {"application/geo+json", "application/json"})
    @ResponseBody
    Map<String, Object> geoJson(@RequestParam String country, @RequestParam(required = false) Level level,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(defaultValue = "0.002") double simplify) {
        return queries.geoJson(country, level, parent, null, at == null ? zones.today(country) : at,
                Math.clamp(simplify, 0, 0.1));
    }

    @GetMapping("/territory/units/{country}/{code}")
    String unit(@PathVariable String country, @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model) {
        LocalDate date = at == null ? zones.today(country) : at;
        model.addAttribute("detail", queries.detail(country, code, date));
        model.addAttribute("at", date);
        return "territory/unit";
    }

    @GetMapping("/territory/search")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", queries.units(null, null, null, q, zones.today(), Math.max(page, 0), 50));
        }
        return "territory/search";
    }
}
