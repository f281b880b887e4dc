package org.minga.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minga.MingaApplication;
import org.minga.notifications.Notices;
import org.minga.platform.Jobs;
import org.minga.platform.internal.db.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL, both running the digest and the send jobs at the same moment: every
 * person gets each e-mail exactly once.
 */
class TwoNodeMailTests {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        SMTP.start();
        Path dir = Path.of("target", "notifications-test", UUID.randomUUID().toString()).toAbsolutePath();
        database = EmbeddedPostgres.start(dir.resolve("db"), 0);
        nodeA = node("a", dir);
        nodeB = node("b", dir);
    }

    @AfterAll
    static void stop() {
        for (var node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.stop();
        }
        SMTP.stop();
    }

    private static ConfigurableApplicationContext node(String name, Path dir) {
        Map<String, String> properties = new HashMap<>();
        properties.put("minga.db.url", database.jdbcUrl());
        properties.put("minga.db.user", database.username());
        properties.put("minga.db.password", database.password());
        properties.put("minga.db.data-dir", dir.resolve(name).toString());
        properties.put("minga.db.pool-size", "5");
        properties.put("minga.cluster", "true");
        properties.put("minga.node", name);
        properties.put("minga.territory", "none");
        properties.put("minga.identity.admin-password", "admin-two-nodes-password");
        properties.put("minga.jobs.poll-interval", "50ms");
        properties.put("minga.mail.host", "127.0.0.1");
        properties.put("minga.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(MingaApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void noEmailIsSentTwiceWhenTwoNodesRunTheJobs() throws Exception {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        jdbc.sql("update app_user set email = 'admin@minga.test' where username = 'admin'").update();
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        // Something for the administrator's digest: a job of theirs that failed an hour ago (two items: the
        // platform's failed jobs and the jobs they started).
        jdbc.sql("""
                insert into job (id, type, status, created_by, finished_at, error)
                values (:id, 'TERRITORY_IMPORT', 'FAILED', 'admin', now() - interval '1 hour', 'archivo dañado')""")
                .param("id", UUID.randomUUID()).update();
        // Notices written by both nodes for the same event: one message.
        for (var node : List.of(nodeA, nodeB)) {
            node.getBean(Notices.class).notify(admin, "participation.report.published", "Vía rota", "/inbox", null,
                    "two-nodes:report:1");
        }

        LocalDate day = LocalDate.of(2026, 12, 4);
        bothRun(DigestJob.TYPE, new DigestJob.Day(day));
        bothRun(SendJob.TYPE, new SendJob.Batch());

        var received = Arrays.stream(SMTP.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).containsExactlyInAnyOrder("Su reporte fue publicado: Vía rota",
                "Minga: 2 asuntos esperan su atención");
        assertThat(jdbc.sql("select count(*) from notification_message where mail_status = 'SENT'").query(Long.class)
                .single()).isEqualTo(2);
    }

    /** Both nodes submit the same job at once and wait for their own. */
    private static void bothRun(String type, Object payload) throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Jobs.JobView>> runs = pool.invokeAll(List.<Callable<Jobs.JobView>>of(
                    () -> run(nodeA, type, payload), () -> run(nodeB, type, payload)));
            for (var run : runs) {
                run.get();
            }
        }
    }

    private static Jobs.JobView run(ConfigurableApplicationContext node, String type, Object payload) {
        Jobs jobs = node.getBean(Jobs.class);
        return jobs.awaitSuccess(jobs.submit(type, payload, null), Duration.ofSeconds(60));
    }
}
