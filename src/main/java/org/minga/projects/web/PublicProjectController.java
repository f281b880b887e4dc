package org.minga.projects.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import org.minga.platform.Zones;
import org.minga.projects.internal.Projects;
import org.minga.registry.Schemes;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of a project, readable without signing in: stage, progress reports with their
 * photos, milestones and delays, financing totals and beneficiaries, as they are. No forms.
 */
@Audience(Reader.PUBLIC)
@Controller
record PublicProjectController(ProjectView view, Territory territory, Zones zones) {

    @GetMapping("/public/projects/{id}")
    String show(@PathVariable long id, Model model) {
        view.fill(model, view.projects().get(id));
        return "projects/public";
    }

    /**
     * The project on a map, for its page and its public page: the beneficiaries' boundaries today
     * and the project's own location (point or shape), marked {@code "kind": "location"}.
     */
    @GetMapping(value = "/public/projects/{id}/map", produces = {"application/geo+json", "application/json"})
    @ResponseBody
    Map<String, Object> map(@PathVariable long id) {
        var project = view.projects().get(id);
        String country = view.schemes().get(project.schemeId()).getCountry().name();
        List<String> codes = view.beneficiaries().of(id).stream().map(Projects.BeneficiaryView::unitCode).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = new ArrayList<>((List<Map<String, Object>>) territory
                .boundaries(country, codes, zones.today(country), 0.001).get("features"));
        if (project.location() != null) {
            features.add(Map.of("type", "Feature", "properties", Map.of("kind", "location", "name", project.name()),
                    "geometry", project.location()));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping("/public/projects/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        var photo = view.monitoring().photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff").body(photo.content());
    }
}
