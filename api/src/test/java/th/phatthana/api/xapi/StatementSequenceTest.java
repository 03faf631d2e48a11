package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.lrs.statements.StatementRepository;

/**
 * Sequence numbers order the statement stream and back the unique {@code (tenantId, seq)} index:
 * concurrent batches of one tenant must never be given overlapping ranges, on any store.
 */
class StatementSequenceTest extends IntegrationTest {

    @Autowired
    StatementRepository statements;

    @Test
    void concurrentReservationsNeverOverlap() throws Exception {
        String tenantId = "sequence-test-" + UUID.randomUUID();
        Set<Long> given = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            results.add(pool.submit(() -> {
                long first = statements.reserveSequence(tenantId, 100);
                boolean fresh = true;
                for (long seq = first; seq < first + 100; seq++) {
                    fresh &= given.add(seq);
                }
                statements.endReservation(tenantId, first, 100, List.of());
                return fresh;
            }));
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get()).as("a sequence number was handed out twice").isTrue();
        }
        pool.shutdown();
        assertThat(given).hasSize(80_000);
        assertThat(statements.lastSequence(tenantId)).isEqualTo(80_000);
    }
}
