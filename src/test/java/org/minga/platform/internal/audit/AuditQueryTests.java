package org.minga.platform.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditQueryTests {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditQuery query;
    @Autowired
    TransactionTemplate tx;

    @Test
    void pagesWalkTheFilteredLogNewestFirstWithoutGapsOrRepeats() {
        String type = TestData.unique("thing");
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 23; i++) {
                audit.record(Change.updated(type, i, null, "cambio " + i, Map.of("n", i), Map.of("n", i + 1)));
            }
        });
        var filter = new AuditQuery.Filter(null, null, type, null, null, null, null);
        Set<String> seen = new HashSet<>();
        Long before = null;
        int pages = 0;
        do {
            var page = query.find(filter, before, 10);
            page.entries().forEach(e -> assertThat(seen.add(e.entityId())).isTrue());
            before = page.nextBefore();
            pages++;
        } while (before != null);
        assertThat(seen).hasSize(23);
        assertThat(pages).isEqualTo(3);
        var newest = query.find(filter, null, 1).entries().getFirst();
        assertThat(newest.entityId()).isEqualTo("22");
        assertThat(newest.actor()).isEqualTo("system");
        assertThat(newest.before()).contains("\"n\": 22");
        assertThat(newest.after()).contains("\"n\": 23");
    }

    @Test
    void aRecordOutsideATransactionIsRefusedSoNoChangeGoesUnaudited() {
        assertThatThrownBy(() -> audit.record(Change.created("thing", 1, null, "x", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
