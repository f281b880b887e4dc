package org.minga.platform.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minga.MingaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded database keeps its data, refuses a second user of its folder, and fails clearly. */
class EmbeddedPostgresTests {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(dir, 0);
        try (var c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                var s = c.createStatement()) {
            s.execute("create table kept (name text)");
            s.execute("insert into kept values ('Asomunicipios')");
        }
        server.stop();

        EmbeddedPostgres again = EmbeddedPostgres.start(dir, 0);
        try (var c = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password());
                var rs = c.createStatement().executeQuery("select name from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Asomunicipios");
        } finally {
            again.stop();
        }
    }

    @Test
    void theDatabaseAsksForThePasswordKeptInTheDataFolder() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(dir, 0);
        try {
            assertThat(server.password()).hasSize(48);
            assertThat(Files.getPosixFilePermissions(dir.resolve("postgres.password")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.username(), "wrong"))
                    .isInstanceOf(java.sql.SQLException.class);
        } finally {
            server.stop();
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderStopsWithAClearMessage() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(dir, 0);
        try {
            Process second = startMingaProcess(dir);
            boolean exited = second.waitFor(120, TimeUnit.SECONDS);
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(exited).as("the second instance gives up instead of waiting").isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(output).contains("ya está en uso por otra instancia de Minga")
                    .contains("MINGA_DATA_DIR")
                    .doesNotContain("\tat org.minga");
            // and the first one still serves
            try (var c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void anUnwritableDataFolderIsExplained() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-folder"));
        assertThatThrownBy(() -> EmbeddedPostgres.start(file.resolve("data"), 0))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("No se puede escribir en la carpeta de datos")
                .satisfies(e -> assertThat(((DatabaseStartupException) e).action()).contains("MINGA_DATA_DIR"));
    }

    @Test
    void anUnreachableServerIsExplainedNotStackTraced() {
        var app = new SpringApplication(MingaApplication.class);
        assertThatThrownBy(() -> app.run("--minga.db.url=jdbc:postgresql://127.0.0.1:1/minga", "--minga.db.user=x",
                "--server.port=0", "--logging.file.name="))
                .hasRootCauseInstanceOf(java.net.ConnectException.class)
                .satisfies(e -> {
                    DatabaseStartupException cause = findCause(e);
                    FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("No se pudo conectar a la base de datos")
                            .contains("127.0.0.1:1");
                    assertThat(analysis.getAction()).contains("MINGA_DB_URL");
                    assertThat(cause).isNotNull();
                });
    }

    private static DatabaseStartupException findCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseStartupException d) {
                return d;
            }
        }
        return null;
    }

    private static Process startMingaProcess(Path dataDir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MingaApplication.class.getName());
        command.add("--minga.db.data-dir=" + dataDir);
        command.add("--server.port=0");
        command.add("--logging.file.name=");
        return new ProcessBuilder(command).redirectErrorStream(true).directory(new File(".")).start();
    }
}
