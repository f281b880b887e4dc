package org.minga.platform.internal.cluster;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Cluster mode (MINGA_CLUSTER=true): HTTP sessions in PostgreSQL, so a person signed in through one
 * node is signed in on all of them. The CSRF token already lives in a cookie and the login
 * throttle, sign-up limits and idempotency keys in tables, so nothing else a request needs is kept
 * in a node's memory. A single node keeps its sessions in memory as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("minga.cluster")
@EnableJdbcHttpSession(cleanupCron = Scheduled.CRON_DISABLED)
class ClusterSessions {

    /**
     * Same lifetime as a single node's sessions (server.servlet.session.timeout); attributes in
     * bytes, including the records Minga puts in flash attributes.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStorage(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, SessionAttributes::write);
        conversions.addConverter(byte[].class, Object.class, SessionAttributes::read);
        return repository -> {
            // Attributes written with ON CONFLICT: two parallel requests of one session both save.
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            repository.setDefaultMaxInactiveInterval(timeout);
            repository.setConversionService(conversions);
        };
    }

    /** The cookie a single node sends (JSESSIONID, SameSite=Lax), so sign-out deletes the same one. */
    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setSameSite("Lax");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseBase64Encoding(false);
        return cookie;
    }

    /** Spring Session's own clean-up would run on every node; this one runs once per period. */
    @Bean
    ExpiredSessions expiredSessions(JdbcIndexedSessionRepository sessions, Leases leases) {
        return new ExpiredSessions(sessions, leases);
    }

    record ExpiredSessions(JdbcIndexedSessionRepository sessions, Leases leases) {

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void delete() {
            leases.runOnce("sessions.delete-expired", Duration.ofMinutes(1), sessions::cleanUpExpiredSessions);
        }
    }
}
