package th.phatthana.api.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import th.phatthana.lrs.statements.StoredStatement;

class RecentStatementsTest {

    private static List<StoredStatement> statements(String tenantId, long from, int count, int bytes) {
        List<StoredStatement> list = new ArrayList<>();
        for (long seq = from; seq < from + count; seq++) {
            byte[] json = ("{\"id\":\"" + seq + "\"}" + " ".repeat(bytes)).substring(0, bytes).getBytes(StandardCharsets.UTF_8);
            list.add(new StoredStatement(tenantId, "id-" + seq, seq, Instant.EPOCH, false, "credential", json));
        }
        return list;
    }

    private static List<Long> seqs(List<StoredStatement> statements) {
        return statements.stream().map(StoredStatement::seq).toList();
    }

    @Test
    void givesTheRunFromTheAskedNumberAndStopsAtTheFirstMissingOne() {
        RecentStatements recent = new RecentStatements(1_000_000);
        recent.add("a", statements("a", 1, 5, 100));
        recent.add("a", statements("a", 7, 3, 100)); // 6 is still being written
        recent.add("b", statements("b", 1, 2, 100));

        assertThat(seqs(recent.run("a", 1, 100))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(seqs(recent.run("a", 3, 2))).containsExactly(3L, 4L);
        assertThat(recent.run("a", 6, 100)).isEmpty();
        assertThat(seqs(recent.run("a", 7, 100))).containsExactly(7L, 8L, 9L);
        assertThat(seqs(recent.run("b", 1, 100))).containsExactly(1L, 2L);
        assertThat(recent.run("c", 1, 100)).isEmpty();
    }

    @Test
    void keepsNoMoreThanItsBytesLettingTheOldestGoFirst() {
        RecentStatements recent = new RecentStatements(1_000);
        recent.add("a", statements("a", 1, 6, 100));
        recent.add("b", statements("b", 1, 6, 100));

        assertThat(recent.bytes()).isLessThanOrEqualTo(1_000);
        assertThat(recent.size()).isEqualTo(10);
        assertThat(recent.run("a", 1, 10)).isEmpty(); // a's 1 and 2 went first
        assertThat(seqs(recent.run("a", 3, 10))).containsExactly(3L, 4L, 5L, 6L);
        assertThat(seqs(recent.run("b", 1, 10))).hasSize(6);
    }

    @Test
    void letsGoOfWhatEveryTargetIsPastAndDoesNotPileUpKeysBehindAnOlderOne() {
        RecentStatements recent = new RecentStatements(100_000_000);
        recent.add("stuck", statements("stuck", 1, 1, 10)); // its target fails: held, the oldest
        for (int round = 0; round < 2_000; round++) {
            recent.add("busy", statements("busy", round * 10L + 1, 10, 10));
            recent.dropThrough("busy", round * 10L + 10);
        }
        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.bytes()).isEqualTo(10);
        assertThat(recent.orderSize()).isLessThan(2_000);
        assertThat(seqs(recent.run("stuck", 1, 10))).containsExactly(1L);
    }

    @Test
    void keepsNothingWithNoRoom() {
        RecentStatements recent = new RecentStatements(0);
        recent.add("a", statements("a", 1, 3, 10));
        assertThat(recent.size()).isZero();
        assertThat(recent.run("a", 1, 3)).isEmpty();
    }
}
