package org.minga.platform.internal.db;

import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, on the embedded server or on the one given by MINGA_DB_URL; with
 * MINGA_DB_REPLICA_URL as well, one that sends anonymous public reads to the replica.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean
    DataSource dataSource(DatabaseProperties properties, @Value("${minga.cluster:false}") boolean cluster) {
        if (cluster && properties.embedded()) {
            throw new DatabaseStartupException("MINGA_CLUSTER=true necesita un servidor PostgreSQL compartido.",
                    "Indique MINGA_DB_URL (y MINGA_DB_USER, MINGA_DB_PASSWORD) del servidor que comparten los nodos;"
                            + " la base de datos integrada sirve a un solo nodo.", null);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("minga");
        config.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 10);
        config.setConnectionTimeout(10_000);
        if (!properties.embedded()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
            checkReachable(config);
            HikariDataSource primary = new HikariDataSource(config);
            return properties.replicated() ? ReplicaRouting.of(primary, replica(properties)) : primary;
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(properties.dataDir(), properties.port());
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        return new EmbeddedDataSource(config, server);
    }

    /** The replica's pool: same user, read-only connections. */
    private static HikariDataSource replica(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("minga-replica");
        config.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 10);
        config.setConnectionTimeout(10_000);
        config.setReadOnly(true);
        config.setJdbcUrl(properties.replicaUrl());
        config.setUsername(properties.user());
        config.setPassword(properties.password());
        checkReachable(config);
        return new HikariDataSource(config);
    }

    /** With a replica, anonymous public reads are marked before any filter reads the database. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("!'${minga.db.replica-url:}'.isBlank()")
    org.springframework.boot.web.servlet.FilterRegistrationBean<ReplicaRouting.PublicReads> publicReads() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new ReplicaRouting.PublicReads());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** Closing the pool (the last thing Spring closes) also stops the embedded server. */
    static final class EmbeddedDataSource extends HikariDataSource {

        private final EmbeddedPostgres server;

        EmbeddedDataSource(HikariConfig config, EmbeddedPostgres server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            server.stop();
        }
    }

    /** One plain connection first, so an unreachable server fails at once with a clear message. */
    private static void checkReachable(HikariConfig config) {
        String url = config.getJdbcUrl();
        DriverManager.setLoginTimeout(10);
        try (var connection = DriverManager.getConnection(url, config.getUsername(), config.getPassword())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseStartupException(
                    "No se pudo conectar a la base de datos " + url + ": " + e.getMessage(),
                    "Compruebe que el servidor está en marcha y que MINGA_DB_URL, MINGA_DB_USER y MINGA_DB_PASSWORD"
                            + " son correctos. Sin MINGA_DB_URL, Minga usa su base de datos integrada.",
                    e);
        }
    }
}
