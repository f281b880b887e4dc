package org.minga.platform.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.internal.db.ReplicaRouting.Target;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReplicaRoutingTests {

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void anAnonymousReadOfAPublicPageGoesToTheReplica() throws Exception {
        assertThat(during(request("GET", "/public/participation/issues/3"), false, false)).isEqualTo(Target.REPLICA);
        assertThat(during(request("GET", "/api/v1/registry/open-data/schemes"), true, true)).isEqualTo(Target.REPLICA);
    }

    @Test
    void writesSessionsAndEverythingElseStayOnThePrimary() throws Exception {
        assertThat(during(request("GET", "/public/participation/issues/3"), true, false)).isEqualTo(Target.PRIMARY);
        MockHttpServletRequest signedIn = request("GET", "/public/participation/issues/3");
        signedIn.setRequestedSessionId("a-session");
        assertThat(during(signedIn, false, false)).isEqualTo(Target.PRIMARY);
        assertThat(during(request("POST", "/public/participation/register"), false, false)).isEqualTo(Target.PRIMARY);
        assertThat(during(request("GET", "/registry/schemes"), false, false)).isEqualTo(Target.PRIMARY);
        assertThat(ReplicaRouting.target()).isEqualTo(Target.PRIMARY);
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }

    /** Where a statement run during the request would go, in or out of a (read-only) transaction. */
    private static Target during(MockHttpServletRequest request, boolean transaction, boolean readOnly)
            throws Exception {
        AtomicReference<Target> seen = new AtomicReference<>();
        new ReplicaRouting.PublicReads().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            TransactionSynchronizationManager.setActualTransactionActive(transaction);
            TransactionSynchronizationManager.setCurrentTransactionReadOnly(readOnly);
            seen.set(ReplicaRouting.target());
        });
        return seen.get();
    }
}
