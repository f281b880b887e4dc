package org.minga.platform.internal.jobs;

import java.util.UUID;

import org.minga.platform.Jobs;
import org.minga.platform.Jobs.JobView;
import org.minga.platform.NotFoundException;
import org.minga.platform.internal.Actors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A job is visible to whoever started it and to platform administrators; to others it does not exist. */
@Component
record JobAccess(Jobs jobs) {

    JobView visible(UUID id) {
        JobView job = jobs.find(id).orElseThrow(() -> new NotFoundException("trabajo", id));
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_PLATFORM_ADMIN"::equals);
        if (!admin && !job.createdBy().equals(Actors.current())) {
            throw new NotFoundException("trabajo", id);
        }
        return job;
    }
}
