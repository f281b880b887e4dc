package org.minga.territory.internal;

import java.util.UUID;

import org.minga.identity.Scopes;
import org.minga.platform.FileStore;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Jobs;
import org.springframework.stereotype.Service;

/** Accepts an upload and queues its import; only platform administrators maintain the territory. */
@Service
public class TerritoryImports {

    static final long MAX_BYTES = 200L * 1024 * 1024;
    private final FileStore files;
    private final Jobs jobs;
    private final Scopes scopes;

    TerritoryImports(FileStore files, Jobs jobs, Scopes scopes) {
        this.files = files;
        this.jobs = jobs;
        this.scopes = scopes;
    }

    public UUID submit(String source, String country, String fileName, byte[] content) {
        scopes.requirePlatformAdmin();
        TerritoryImportJob.Source parsed;
        try {
            parsed = TerritoryImportJob.Source.valueOf(source == null ? "" : source.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "OneOf", "territory.import.source");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "NotEmpty", "territory.import.file");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "Size", "territory.import.size");
        }
        if (country != null && !country.isBlank() && !country.matches("CO|SV")) {
            throw new InvalidInputException("country", "OneOf", "territory.import.country");
        }
        UUID fileId = files.put(fileName, null, content);
        return jobs.submit(TerritoryImportJob.TYPE, new TerritoryImportJob.Request(fileId, parsed,
                country == null || country.isBlank() ? null : country, fileName), null);
    }
}
