package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.XapiIdentity;

/**
 * The projector dies at every step of applying a chunk: part-way through each bulk write
 * (course-year aggregates, actors, facts) and just before saving the checkpoint. When it comes
 * back it must resume by itself and end with exactly the read model a rebuild from the stream
 * makes: nothing lost, nothing counted twice.
 */
class ProjectorCrashRecoveryTest extends ProgressTestSupport {

    @Autowired
    ProgressStore store;

    @Autowired
    java.time.Clock clock; // the projector's: leases are compared on its time

    @AfterEach
    void noMoreCrashes() {
        store.crashAt(ProgressStore.CrashPoint.NONE);
    }

    @ParameterizedTest(name = "crash after {1} writes to {0}")
    @CsvSource({
            "progress_course_years, 0", "progress_course_years, 1",
            "progress_actors, 0", "progress_actors, 1", "progress_actors, 3",
            "progress_facts, 0", "progress_facts, 1", "progress_facts, 15", "progress_facts, 23",
            "progress_checkpoints, 0" })
    void aCrashAtAnyStepOfAChunkIsRecoveredExactly(String collection, int writes) throws Exception {
        Org org = new Org("อบต.ล่ม" + collection.substring(9, 12) + writes);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a0 = ACTIVITIES + tag + "/a0";
        String a1 = ACTIVITIES + tag + "/a1";
        String[] actors = new String[4];
        for (int i = 0; i < actors.length; i++) {
            String address = "crash" + i + "-" + tag + "@example.go.th";
            if (i < 3) {
                org.staff("คน" + i, PositionType.GENERAL, XapiIdentity.ofMbox("mailto:" + address));
            }
            actors[i] = mbox(address);
        }
        org.plan(2567, List.of(
                course("any", List.of(a0), PlanContent.CompletionRule.DEFAULT, 2567, List.of()),
                course("both", List.of(a0, a1), rule(List.of(PASSED, COMPLETED), PlanContent.ActivityMatch.ALL, false, false, null, null),
                        2567, List.of())), List.of());
        Random random = new Random(writes * 31L + collection.hashCode());

        List<String> firstIds = new ArrayList<>();
        org.post(batch(random, actors, a0, a1, 20, firstIds, List.of()));
        org.catchUp();

        // The crash point counts the documents of one bulk write, so the second batch must be applied as one chunk. The
        // projector's passes (the 1 s poll, the one a StatementsStored event schedules) could start while the batch is
        // still being written and take part of it; holding the organisation's lease, as another instance would, makes
        // them skip it until the whole batch is stored.
        holdLease(org.tenant.id());
        AtomicBoolean crashed = new AtomicBoolean();
        try {
            org.post(batch(random, actors, a0, a1, 20, new ArrayList<>(), firstIds.subList(0, 4)));
            String tenantId = org.tenant.id(); // only this organisation's chunk: another's, projected meanwhile, must not take the crash
            store.crashAt((tenant, name, count) -> tenant.equals(tenantId) && name.equals(collection) && count > writes
                    && crashed.compareAndSet(false, true) ? writes : -1);
        } finally {
            store.release(org.tenant.id(), TEST_HOLDER);
        }
        try {
            org.catchUp();
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ProgressStore.SimulatedCrash.class);
        }
        assertThat(crashed).as("the crash point was reached").isTrue();
        store.crashAt(ProgressStore.CrashPoint.NONE);

        org.catchUp(); // the projector after its restart: nothing but what the store holds
        Snapshot recovered = snapshot(org);

        org.admin.execute("mutation { rebuildProgress { statementsThrough userErrors { code } } }", java.util.Map.of());
        Snapshot rebuilt = snapshot(org);
        assertThat(recovered.aggregates()).as("course aggregates").containsExactlyInAnyOrderEntriesOf(rebuilt.aggregates());
        assertThat(recovered.actors()).as("actors").containsExactlyInAnyOrderEntriesOf(rebuilt.actors());
        assertThat(recovered.facts()).as("facts").containsExactlyInAnyOrderEntriesOf(rebuilt.facts());
        assertThat(rebuilt.facts()).hasSize(40 + 4);
    }

    private static final String TEST_HOLDER = "crash-test";

    /** Takes the organisation's projection lease, waiting while a pass of the projector still holds it. */
    private void holdLease(String tenantId) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Instant now = clock.instant();
            if (store.lease(tenantId, TEST_HOLDER, now.plus(ProgressProjector.LEASE), now)) {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("the projector let go of the lease within 10 s").isNegative();
            Thread.sleep(20);
        }
    }

    /** Statements about the plan's activities by staff and a stranger; {@code voids} are voided in the same batch. */
    private static String batch(Random random, String[] actors, String a0, String a1, int count, List<String> ids, List<String> voids) {
        String[] verbs = { COMPLETED, PASSED, EXPERIENCED };
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            statements.add(statement(id, actors[random.nextInt(actors.length)], verbs[random.nextInt(verbs.length)],
                    random.nextBoolean() ? a0 : a1, "2024-0" + (1 + random.nextInt(8)) + "-15T10:00:00+07:00",
                    "{\"success\": true, \"duration\": \"PT" + (10 + random.nextInt(50)) + "M\"}"));
        }
        for (String target : voids) {
            statements.add(voiding(UUID.randomUUID().toString(), actors[0], target));
        }
        return "[" + String.join(",", statements) + "]";
    }
}
