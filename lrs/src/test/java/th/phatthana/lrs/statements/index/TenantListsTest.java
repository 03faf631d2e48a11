package th.phatthana.lrs.statements.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The embedded store's lists: the leapfrog walk against a plain filter, out-of-order adds, time bounds. */
class TenantListsTest {

    private static final int STATEMENTS = 5_000;

    @Test
    void walkingTheListsFindsExactlyWhatFilteringEveryStatementFinds() {
        Random random = new Random(7);
        TenantLists lists = new TenantLists();
        List<Set<String>> keysBySeq = new ArrayList<>();
        keysBySeq.add(Set.of());
        Set<Long> hidden = new HashSet<>();
        // Batches finish out of order, as concurrent writers do.
        List<Long> order = new ArrayList<>(LongStream.rangeClosed(1, STATEMENTS).boxed().toList());
        for (int i = 0; i + 20 < order.size(); i += 20) {
            Collections.shuffle(order.subList(i, i + 20), random);
        }
        for (int seq = 1; seq <= STATEMENTS; seq++) {
            Set<String> keys = new HashSet<>();
            keys.add("verb|" + random.nextInt(4));
            keys.add("agent|" + random.nextInt(40));
            if (random.nextInt(3) == 0) {
                keys.add("registration|" + random.nextInt(200));
            }
            keysBySeq.add(keys);
        }
        lists.lock.writeLock().lock();
        for (long seq : order) {
            boolean hide = random.nextInt(50) == 0;
            if (hide) {
                hidden.add(seq);
            }
            lists.add(seq, List.copyOf(keysBySeq.get((int) seq)), seq % 3 == 0 ? "c1" : "c2", hide, false);
        }
        lists.lock.writeLock().unlock();

        List<List<String>> queries = List.of(List.of(), List.of("verb|1"), List.of("agent|7"), List.of("agent|7", "verb|2"),
                List.of("registration|5", "verb|0"), List.of("agent|3", "verb|3", "registration|17"), List.of("agent|99"));
        for (List<String> keys : queries) {
            for (String credential : new String[] { null, "c1" }) {
                for (boolean ascending : new boolean[] { false, true }) {
                    IndexQuery query = new IndexQuery("t", keys, credential, null, null, ascending, 0, Long.MAX_VALUE, 10,
                            System.nanoTime() + 10_000_000_000L);
                    List<Long> expected = new ArrayList<>();
                    for (long seq = 1; seq <= STATEMENTS; seq++) {
                        if (keysBySeq.get((int) seq).containsAll(keys) && !hidden.contains(seq) && (credential == null || seq % 3 == 0)) {
                            expected.add(seq);
                        }
                    }
                    if (!ascending) {
                        Collections.reverse(expected);
                    }
                    List<SeqList> intersected = lists.lists(query);
                    if (intersected == null) {
                        assertThat(expected).as("keys %s", keys).isEmpty();
                        continue;
                    }
                    // Page through in pages of 10, as a more cursor does.
                    List<Long> walked = new ArrayList<>();
                    long position = ascending ? 1 : STATEMENTS;
                    while (true) {
                        TenantLists.Walk walk = lists.walk(intersected, position, ascending ? STATEMENTS : 1, ascending, 10, query);
                        for (int i = 0; i < walk.count(); i++) {
                            walked.add(walk.seqs()[i]);
                        }
                        if (walk.exhausted()) {
                            break;
                        }
                        position = walk.resumeFrom();
                    }
                    assertThat(walked).as("keys %s, credential %s, ascending %s", keys, credential, ascending)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Test
    void aTimeMapsToTheFirstSequenceNumberStoredAfterIt() {
        Timeline timeline = new Timeline();
        // Batches: 1-100 at t=1000, 101-150 at t=1000 (same millisecond), 151-200 at 1005, 201-300 at 1010; one added late.
        timeline.add(1, 1000);
        timeline.add(101, 1000);
        timeline.add(201, 1010);
        timeline.add(151, 1005);
        assertThat(timeline.firstSeqStoredAfter(999)).isEqualTo(1);
        assertThat(timeline.firstSeqStoredAfter(1000)).isEqualTo(151);
        assertThat(timeline.firstSeqStoredAfter(1007)).isEqualTo(201);
        assertThat(timeline.firstSeqStoredAfter(1010)).isEqualTo(SeqList.NONE_ABOVE);
    }

    @Test
    void aWalkPastItsDeadlineStops() {
        TenantLists lists = new TenantLists();
        for (long seq = 1; seq <= 100_000; seq++) {
            lists.add(seq, List.of(seq % 2 == 0 ? "verb|even" : "verb|odd", "agent|" + (seq % 2)), null, false, false);
        }
        // "verb|even" and "agent|1" never meet: the walk alternates between the lists to the end.
        IndexQuery query = new IndexQuery("t", List.of("verb|even", "agent|1"), null, null, null, false, 0, Long.MAX_VALUE, 10,
                System.nanoTime() - 1);
        assertThatThrownBy(() -> lists.walk(lists.lists(query), 100_000, 1, false, 10, query)).isInstanceOf(QueryTimeLimitExceeded.class);
    }

    @Test
    void bulkAddsInAnyOrderEndSortedAndWithoutRepeats() {
        SeqList list = new SeqList();
        for (long seq : new long[] { 5, 3, 9, 3, 1, 7 }) {
            list.addUnsorted(seq);
        }
        list.sort();
        assertThat(list.size()).isEqualTo(5);
        assertThat(list.ceiling(4)).isEqualTo(5);
        assertThat(list.floor(4)).isEqualTo(3);
        assertThat(list.ceiling(10)).isEqualTo(SeqList.NONE_ABOVE);
        assertThat(list.floor(0)).isEqualTo(SeqList.NONE_BELOW);
    }
}
