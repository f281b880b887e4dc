package org.minga.platform.internal.jobs;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.platform.Jobs.JobView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.ACCOUNT)
@RestController
@Tag(name = "Trabajos")
record JobApiController(JobAccess access) {

    @GetMapping("/api/v1/jobs/{id}")
    @Operation(summary = "Estado, progreso (0–100), resultado o error de un trabajo")
    JobView get(@PathVariable UUID id) {
        return access.visible(id);
    }
}
