package org.minga.territory.internal;

import java.util.Optional;
import java.util.UUID;

import org.minga.identity.Scopes;
import org.minga.platform.FileStore;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Jobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts an upload and queues its import; only platform administrators maintain the territory. */
@Service
public class TerritoryImports {

    static final long MAX_BYTES = 200L * 1024 * 1024;
    private final FileStore files;
    private final Jobs jobs;
    private final Scopes scopes;
    private final UnitStore store;
    private final TransactionTemplate tx;
    private final ReferenceTerritory reference;

    TerritoryImports(FileStore files, Jobs jobs, Scopes scopes, UnitStore store, TransactionTemplate tx,
            ReferenceTerritory reference) {
        this.reference = reference;
        this.files = files;
        this.jobs = jobs;
        this.scopes = scopes;
        this.store = store;
        this.tx = tx;
    }

    /**
     * Recomputes one group's neighbours now and says how long each step took: for operators, and
     * for the benchmark that compares the computation with PostGIS.
     */
    public AdjacencyRun recomputeAdjacency(String country, org.minga.territory.Level level) {
        scopes.requirePlatformAdmin();
        return tx.execute(status -> store.recomputeAdjacency(new UnitStore.Group(country, level)));
    }

    /** The latest load of the reference territory (first start), if any. */
    public Optional<Jobs.JobView> referenceLoad() {
        scopes.requirePlatformAdmin();
        return reference.latestJob();
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
