package org.minga.platform.internal.db;

import java.io.IOException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With MINGA_DB_REPLICA_URL, anonymous reads of public pages and open data go to the replica;
 * everything else stays on the primary. A signed-in person, or anyone who carries a session, may
 * just have written and must read what they wrote, and a replica lags: they stay on the primary,
 * as do writes (a read-write transaction) in any request. The connection is taken at the first
 * statement, when it is known whether that statement runs in a read-write transaction.
 */
final class ReplicaRouting extends AbstractRoutingDataSource {

    private static final ThreadLocal<Boolean> PUBLIC_READ = new ThreadLocal<>();

    static DataSource of(DataSource primary, DataSource replica) {
        ReplicaRouting routing = new ReplicaRouting();
        routing.setTargetDataSources(java.util.Map.of(Target.PRIMARY, primary, Target.REPLICA, replica));
        routing.setDefaultTargetDataSource(primary);
        routing.afterPropertiesSet();
        return new LazyConnectionDataSourceProxy(routing);
    }

    enum Target { PRIMARY, REPLICA }

    @Override
    protected Object determineCurrentLookupKey() {
        return target();
    }

    static Target target() {
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        return Boolean.TRUE.equals(PUBLIC_READ.get()) && !writing ? Target.REPLICA : Target.PRIMARY;
    }

    /** Marks the anonymous GETs of public pages and open data, for the length of the request. */
    static final class PublicReads extends OncePerRequestFilter {

        static boolean publicRead(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            boolean open = path.startsWith("/public/") || path.startsWith("/api/v1/registry/open-data/");
            return read && open && request.getRequestedSessionId() == null
                    && request.getHeader("Authorization") == null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!publicRead(request)) {
                chain.doFilter(request, response);
                return;
            }
            PUBLIC_READ.set(Boolean.TRUE);
            try {
                chain.doFilter(request, response);
            } finally {
                PUBLIC_READ.remove();
            }
        }
    }
}
