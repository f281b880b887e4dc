package org.minga.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Minga as a new user starts it with {@code MINGA_DEMO=true} and no other setting: its own empty
 * database, the reference territory loaded on the first start, then the six real schemes and the
 * life each module gives them. Every subclass shares this one context (and its database).
 */
@TestPropertySource(properties = {"minga.demo.enabled=true", "minga.territory=CO,SV"})
public abstract class LivingDemoBrowserTest extends BrowserTest {

    private static final Path DATA = freshFolder();

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry properties) {
        properties.add("minga.db.data-dir", DATA::toString);
    }

    /** The demo says in the audit that it is ready once every module has added its part, or that it failed. */
    @BeforeEach
    void awaitTheDemo() {
        String outcome = Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.sql("select action || ': ' || summary from audit_event where action in ('DEMO', "
                        + "'DEMO_FAILED') order by id desc limit 1").query(String.class).optional().orElse(null),
                        java.util.Objects::nonNull);
        org.assertj.core.api.Assertions.assertThat(outcome).startsWith("DEMO:");
    }

    protected long schemeId(String acronym) {
        return jdbc.sql("select id from scheme where acronym = :a").param("a", acronym).query(Long.class).single();
    }

    private static Path freshFolder() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "test-data-demo-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
