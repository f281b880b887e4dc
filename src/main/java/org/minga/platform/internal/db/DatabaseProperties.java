package org.minga.platform.internal.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url}, Minga runs its embedded PostgreSQL with data in
 * {@code dataDir}; with one, it uses that server and nothing else changes.
 */
@ConfigurationProperties("minga.db")
record DatabaseProperties(String url, String user, String password, int port, Path dataDir, int poolSize,
        String replicaUrl) {

    boolean embedded() {
        return url == null || url.isBlank();
    }

    /** A replica is used only beside a server of our own choosing, never beside the embedded one. */
    boolean replicated() {
        return !embedded() && replicaUrl != null && !replicaUrl.isBlank();
    }
}
