package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanContent.ActivityMatch;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;

/**
 * The proof that the incremental path and a rebuild agree: random statement streams (staff known
 * by mbox, sha1, account and openid, unknown actors, voids, an identity linked midway, a plan
 * amendment midway) are projected incrementally, the read model is captured, rebuilt from the
 * stream, and compared document by document; both are also checked against an independent
 * evaluation of the completion rules over the generated statements.
 */
class ProgressRebuildEquivalenceTest extends ProgressTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    ProgressStore store;

    private static final String[] VERBS = { COMPLETED, PASSED, ATTENDED, EXPERIENCED };

    /** A generated statement as the oracle sees it. */
    record Gen(String id, int actor, String verb, Set<String> activities, Boolean success, Boolean completion, Double scaled,
            long millis, int fiscalYear) {
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void incrementalProjectionEqualsARebuild(long seed) throws Exception {
        Random random = new Random(seed);
        pending = 0;
        Org org = new Org("อบต.สุ่ม" + seed);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String[] activity = new String[6];
        for (int i = 0; i < activity.length; i++) {
            activity[i] = ACTIVITIES + tag + "/a" + i;
        }
        String m0 = "mailto:s0-" + tag + "@example.go.th";
        String m2 = "mailto:s2-" + tag + "@example.go.th";
        String m3 = "mailto:s3-" + tag + "@example.go.th";
        String lms = "https://lms.example.go.th";
        List<Staff> staff = new ArrayList<>();
        staff.add(org.staff("ศูนย์", PositionType.ACADEMIC, XapiIdentity.ofMbox(m0)));
        staff.add(org.staff("หนึ่ง", PositionType.GENERAL, XapiIdentity.ofAccount(lms, "s1-" + tag)));
        staff.add(org.staff("สอง", PositionType.DIRECTOR, new XapiIdentity(null, th.phatthana.schema.xapi.ActorKey.sha1Hex(m2), null, null)));
        staff.add(org.staff("สาม", PositionType.ACADEMIC, XapiIdentity.ofMbox(m3)));
        staff.add(org.staff("สี่", PositionType.GENERAL, new XapiIdentity(null, null, "https://id.example.go.th/s4-" + tag, null)));
        staff.add(org.staff("ห้า", PositionType.GENERAL));
        // actors 0-5 are staff 0-5 (5 only once linked), 6-7 nobody
        String[] actors = {
                "{\"mbox\": \"" + m0 + "\", \"name\": \"ศูนย์\"}",
                account(lms, "s1-" + tag),
                "{\"mbox\": \"" + m2 + "\"}",
                "{\"mbox_sha1sum\": \"" + th.phatthana.schema.xapi.ActorKey.sha1Hex(m3) + "\"}",
                "{\"openid\": \"https://id.example.go.th/s4-" + tag + "\"}",
                account(lms, "s5-" + tag),
                "{\"mbox\": \"mailto:stranger-" + tag + "@example.com\", \"name\": \"คนนอก\"}",
                account("https://other.example.com", "x-" + tag) };

        List<PlanContent.Course> original = List.of(
                course("any", List.of(activity[0]), PlanContent.CompletionRule.DEFAULT, 2567, List.of("C01")),
                course("all", List.of(activity[1], activity[2], activity[3]),
                        rule(List.of(PASSED), ActivityMatch.ALL, true, false, null, null), 2567, List.of("S02")),
                course("hours", List.of(activity[3], activity[4]), rule(List.of(ATTENDED, COMPLETED), ActivityMatch.ANY, false, false, null, 2.0),
                        2568, List.of("C01")),
                course("score", List.of(activity[0], activity[5]), rule(List.of(PASSED, COMPLETED), ActivityMatch.ANY, false, true, 0.7, null),
                        2568, List.of()));
        List<PlanContent.Course> amended = List.of(
                course("all", List.of(activity[1], activity[2]), rule(List.of(PASSED), ActivityMatch.ALL, true, false, null, null), 2567,
                        List.of("S02")),
                course("hours", List.of(activity[3], activity[4]), rule(List.of(ATTENDED, COMPLETED), ActivityMatch.ANY, false, false, null, 3.0),
                        2568, List.of("C01")),
                course("score", List.of(activity[0], activity[5]), rule(List.of(PASSED, COMPLETED), ActivityMatch.ANY, false, true, 0.7, null),
                        2568, List.of()),
                course("new", List.of(activity[4], activity[2]), rule(List.of(EXPERIENCED), ActivityMatch.ALL, false, false, null, 0.5), 2568,
                        List.of("C02")));
        String planId = org.plan(2567, original, List.of());

        int total = 240;
        List<Gen> generated = new ArrayList<>();
        Set<String> voided = new HashSet<>();
        List<String> batch = new ArrayList<>();
        Instant from = ZonedDateTime.parse("2023-10-01T00:00:00+07:00").toInstant();
        Instant to = ZonedDateTime.parse("2025-09-30T23:59:59+07:00").toInstant();
        boolean linked = false;
        boolean amendedYet = false;
        for (int i = 0; i < total; i++) {
            if (!linked && i >= total / 3) {
                flush(org, batch);
                staff.set(5, org.link(staff.get(5), XapiIdentity.ofAccount(lms, "s5-" + tag)));
                linked = true;
            }
            if (!amendedYet && i >= total / 2) {
                flush(org, batch);
                org.catchUp();
                org.amend(planId, 1, amended, List.of());
                org.catchUp();
                amendedYet = true;
            }
            int flushed = generated.size() - pending;
            if (random.nextInt(10) == 0 && flushed > 0) {
                Gen target = generated.get(random.nextInt(flushed));
                if (voided.add(target.id())) {
                    batch.add(voiding(UUID.randomUUID().toString(), actors[random.nextInt(actors.length)], target.id()));
                }
            } else {
                String id = UUID.randomUUID().toString();
                int actor = random.nextInt(actors.length);
                String verb = VERBS[random.nextInt(VERBS.length)];
                String object = activity[random.nextInt(activity.length)];
                Set<String> activities = new LinkedHashSet<>(List.of(object));
                String parent = null;
                if (random.nextInt(3) == 0) {
                    parent = activity[random.nextInt(activity.length)];
                    activities.add(parent);
                }
                Boolean success = random.nextInt(3) == 0 ? null : random.nextBoolean();
                Boolean completion = random.nextInt(3) == 0 ? null : random.nextBoolean();
                Double scaled = random.nextInt(3) == 0 ? null : random.nextInt(101) / 100.0;
                int minutes = random.nextInt(4) == 0 ? -1 : random.nextInt(150);
                Instant when = switch (random.nextInt(12)) {
                    case 0 -> Instant.parse("2024-09-30T17:00:00Z");
                    case 1 -> Instant.parse("2024-09-30T16:59:59Z");
                    default -> from.plusSeconds((long) (random.nextDouble() * (to.getEpochSecond() - from.getEpochSecond())));
                };
                StringBuilder result = new StringBuilder("{");
                List<String> parts = new ArrayList<>();
                if (success != null) {
                    parts.add("\"success\": " + success);
                }
                if (completion != null) {
                    parts.add("\"completion\": " + completion);
                }
                if (scaled != null) {
                    parts.add("\"score\": {\"scaled\": " + scaled + "}");
                }
                if (minutes >= 0) {
                    parts.add("\"duration\": \"PT" + minutes + "M\"");
                }
                result.append(String.join(", ", parts)).append('}');
                String json = """
                        {"id": "%s", "actor": %s, "verb": {"id": "%s"}, "object": {"id": "%s"}, "timestamp": "%s", "result": %s%s}
                        """.formatted(id, actors[actor], verb, object, when, result,
                        parent == null ? "" : ", \"context\": {\"contextActivities\": {\"parent\": [{\"id\": \"" + parent + "\"}]}}");
                batch.add(json);
                generated.add(new Gen(id, actor, verb, activities, success, completion, scaled,
                        minutes < 0 ? 0 : minutes * 60_000L, FiscalYears.of(when)));
                pending++;
            }
            if (batch.size() >= 1 + random.nextInt(15)) {
                flush(org, batch);
            }
        }
        flush(org, batch);
        org.catchUp();

        Snapshot incremental = snapshot(org);
        Map<Integer, JsonNode> progressBefore = Map.of(2567, org.progress(planId, 2567), 2568, org.progress(planId, 2568));
        assertThat(incremental.aggregates()).isNotEmpty();

        // a crash after applying but before saving the checkpoint: the stream is reprocessed from an
        // earlier checkpoint, and nothing counts twice
        store.saveCheckpoint(org.tenant.id(), 0);
        org.catchUp();
        assertThat(snapshot(org)).as("after reprocessing the whole stream").isEqualTo(incremental);

        JsonNode rebuilt = data(org.admin.execute("mutation { rebuildProgress { statementsThrough userErrors { code } } }"), "rebuildProgress");
        assertThat(rebuilt.path("userErrors")).isEmpty();
        Snapshot rebuild = snapshot(org);

        assertThat(rebuild.aggregates()).as("course aggregates, document by document").containsExactlyInAnyOrderEntriesOf(incremental.aggregates());
        assertThat(rebuild.actors()).as("actors").containsExactlyInAnyOrderEntriesOf(incremental.actors());
        assertThat(rebuild.facts()).as("facts").containsExactlyInAnyOrderEntriesOf(incremental.facts());
        for (int year : List.of(2567, 2568)) {
            assertThat(org.progress(planId, year)).as("planProgress %d", year).isEqualTo(progressBefore.get(year));
        }

        // and both are right: the completion rules evaluated directly over what was generated
        assertThat(voided).as("the stream voids statements").isNotEmpty();
        int completions = 0;
        for (int year : List.of(2567, 2568)) {
            JsonNode progress = progressBefore.get(year);
            for (PlanContent.Course course : amended) {
                Expected expected = expected(course, year, generated, voided);
                completions += expected.completed;
                JsonNode actual = course(progress, course.key());
                assertThat(actual.path("participantsStarted").asInt()).as("%s %d started", course.key(), year).isEqualTo(expected.started);
                assertThat(actual.path("participantsCompleted").asInt()).as("%s %d completed", course.key(), year)
                        .isEqualTo(expected.completed);
                assertThat(actual.path("totalHours").asDouble()).as("%s %d hours", course.key(), year)
                        .isCloseTo(expected.millis / 3_600_000.0, within(1e-9));
            }
        }
        assertThat(completions).as("the stream completes courses").isPositive();
        // every share is a part of its whole
        for (JsonNode progress : progressBefore.values()) {
            for (JsonNode course : progress.path("courses")) {
                assertThat(course.path("completionRate").asDouble()).as("%s completionRate", course.path("courseKey")).isBetween(0.0, 100.0);
                assertThat(course.path("participantsCompletedInTarget").asInt()).isLessThanOrEqualTo(course.path("targetParticipants").asInt());
                assertThat(course.path("participantsCompletedInTarget").asInt() + course.path("participantsCompletedOutsideTarget").asInt())
                        .isEqualTo(course.path("participantsCompleted").asInt());
            }
            assertThat(progress.path("staffDevelopedShare").asDouble()).isBetween(0.0, 100.0);
            for (JsonNode indicator : progress.path("indicators")) {
                if (indicator.path("metric").asString().endsWith("_SHARE") && !indicator.path("value").isNull()) {
                    assertThat(indicator.path("value").asDouble()).as("%s", indicator.path("metric")).isBetween(0.0, 100.0);
                }
            }
        }
        assertThat(progressBefore.get(2567).path("planVersion").asInt()).isEqualTo(1);
    }

    /** Generated statements not posted yet (a void targets posted ones only). */
    private int pending;

    private void flush(Org org, List<String> batch) {
        if (!batch.isEmpty()) {
            org.post("[" + String.join(",", batch) + "]");
            batch.clear();
        }
        pending = 0;
    }

    record Expected(int started, int completed, long millis) {
    }

    /** Actor i is staff i for i < 6 (staff 5 linked by the end), nobody otherwise. */
    private static Expected expected(PlanContent.Course course, int year, List<Gen> generated, Set<String> voided) {
        PlanContent.CompletionRule rule = course.xapi().completion();
        Map<Integer, long[]> perStaff = new TreeMap<>(); // statements, qualifying, millis
        Map<Integer, Set<String>> qualified = new HashMap<>();
        for (Gen gen : generated) {
            if (voided.contains(gen.id()) || gen.fiscalYear() != year || gen.actor() > 5
                    || course.xapi().activityIds().stream().noneMatch(gen.activities()::contains)) {
                continue;
            }
            long[] counters = perStaff.computeIfAbsent(gen.actor(), a -> new long[3]);
            counters[0]++;
            boolean verb = rule.verbs().contains(gen.verb());
            boolean qualifies = verb && (!rule.requireSuccess() || Boolean.TRUE.equals(gen.success()))
                    && (!rule.requireCompletion() || Boolean.TRUE.equals(gen.completion()))
                    && (rule.minScaledScore() == null || gen.scaled() != null && gen.scaled() >= rule.minScaledScore());
            if (verb) {
                counters[2] += gen.millis();
            }
            if (qualifies) {
                counters[1]++;
                gen.activities().stream().filter(course.xapi().activityIds()::contains)
                        .forEach(a -> qualified.computeIfAbsent(gen.actor(), k -> new HashSet<>()).add(a));
            }
        }
        int completed = 0;
        long millis = 0;
        for (Map.Entry<Integer, long[]> entry : perStaff.entrySet()) {
            long[] counters = entry.getValue();
            millis += counters[2];
            boolean activities = rule.activityMatch() == ActivityMatch.ALL
                    ? qualified.getOrDefault(entry.getKey(), Set.of()).containsAll(course.xapi().activityIds())
                    : counters[1] > 0;
            if (activities && (rule.minHours() == null || counters[2] >= rule.minHours() * 3_600_000)) {
                completed++;
            }
        }
        return new Expected(perStaff.size(), completed, millis);
    }
}
