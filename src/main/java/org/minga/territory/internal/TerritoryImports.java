package org.minga.territory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.minga.identity.Scopes;
import org.minga.platform.FileStore;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.Jobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts an upload and queues its import; only platform administrators maintain the territory. */
@Service
public record TerritoryImports(FileStore files, Jobs jobs, Scopes scopes, UnitStore store, TransactionTemplate tx,
        ReferenceTerritory reference) {

    static final long MAX_BYTES = 200L * 1024 * 1024;

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

    /** The kinds of file an import reads, by name (see TerritoryImportJob.Source). */
    public List<String> sources() {
        return java.util.Arrays.stream(TerritoryImportJob.Source.values()).map(Enum::name).toList();
    }

    /** Queues an import; source, file and country are checked together, and nothing is stored when one is wrong. */
    public UUID submit(String source, String country, String fileName, byte[] content) {
        scopes.requirePlatformAdmin();
        TerritoryImportJob.Source parsed = Inputs.enumValue(TerritoryImportJob.Source.class, source);
        String countryCode = Inputs.text(country);
        new Checks().rule(parsed != null, "source", "OneOf", "territory.import.source")
                .rule(content != null && content.length > 0, "file", "NotEmpty", "territory.import.file")
                .rule(content == null || content.length <= MAX_BYTES, "file", "Size", "territory.import.size")
                .rule(countryCode == null || countryCode.matches("CO|SV"), "country", "OneOf", "territory.import.country")
                .orThrow();
        UUID fileId = files.put(fileName, null, content);
        return jobs.submit(TerritoryImportJob.TYPE, new TerritoryImportJob.Request(fileId, parsed, countryCode, fileName),
                null);
    }
}
