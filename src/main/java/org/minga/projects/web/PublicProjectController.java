package org.minga.projects.web;

import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Monitoring;
import org.minga.projects.internal.Projects;
import org.minga.registry.Schemes;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of a project, readable without signing in: stage, progress reports with their
 * photos, milestones and delays, financing totals and beneficiaries, as they are. No forms.
 */
@Controller
class PublicProjectController {

    private final Projects projects;
    private final Financing financing;
    private final Monitoring monitoring;
    private final Schemes schemes;

    PublicProjectController(Projects projects, Financing financing, Monitoring monitoring, Schemes schemes) {
        this.projects = projects;
        this.financing = financing;
        this.monitoring = monitoring;
        this.schemes = schemes;
    }

    @GetMapping("/public/projects/{id}")
    String show(@PathVariable long id, Model model) {
        ProjectView.fill(model, projects.get(id), projects, financing, monitoring, schemes);
        return "projects/public";
    }

    @GetMapping("/public/projects/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        var photo = monitoring.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff").body(photo.content());
    }
}
