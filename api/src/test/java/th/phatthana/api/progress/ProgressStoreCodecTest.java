package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The stored form of the progress model: its field names (existing read models hold them) and a lossless round trip. */
class ProgressStoreCodecTest {

    private static final Instant WHEN = Instant.parse("2025-01-15T03:04:05.678Z");

    private static Contribution contribution() {
        return new Contribution("t/p1/2568/c1", "t/p1", "c1", 2568, "sha1|abc", true, 5_400_000L, List.of(0, 2));
    }

    @Test
    void aContributionKeepsItsShortFieldNames() {
        Document document = ProgressStore.document(contribution());
        assertThat(document.keySet()).containsExactly("a", "planId", "courseKey", "fiscalYear", "actorKey", "q", "ms", "qa");
        assertThat(document.get("q")).isEqualTo(1);
        assertThat(document.get("ms")).isEqualTo(5_400_000L);
        assertThat(ProgressStore.contribution(document)).isEqualTo(contribution());
    }

    @Test
    void aFactRoundTrips() {
        StatementFacts facts = new StatementFacts("s1", 7, List.of("mbox|mailto:a@b.go.th", "sha1|abc"), null,
                "http://adlnet.gov/expapi/verbs/completed", new LinkedHashSet<>(List.of("https://x.go.th/a", "https://x.go.th/b")), true,
                null, 0.8, 5400.0, 2568, WHEN.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null);
        Fact fact = new Fact(facts, false, List.of(contribution()));
        Document document = ProgressStore.document("t", fact);
        assertThat(document.keySet()).containsExactly("_id", "tenantId", "statementId", "seq", "actorKey", "actorKeys", "verbId",
                "activityIds", "success", "completion", "scaled", "millis", "fiscalYear", "timestamp", "voids", "voided", "contrib");
        assertThat(document.get("_id")).isEqualTo("t/s1");
        assertThat(document.get("actorKey")).isEqualTo("sha1|abc");
        assertThat(ProgressStore.fact(document)).isEqualTo(fact);
        assertThat(ProgressStore.document("t", ProgressStore.fact(document))).isEqualTo(document);
    }

    @Test
    void aCourseYearAndAnActorRoundTrip() {
        ActorTallies.Tally tally = new ActorTallies.Tally();
        tally.statements = 3;
        tally.qualifying = 1;
        tally.millis = 7_200_000L;
        tally.qualifyingByActivity.put(1, 1L);
        TreeMap<String, ActorTallies.Tally> tallies = new TreeMap<>();
        tallies.put("sha1|abc", tally);
        CourseYear courseYear = new CourseYear("t/p1/2568/c1", "t", "t/p1", "c1", 2568, 42, tallies);
        Document document = ProgressStore.document(courseYear);
        assertThat(document.keySet()).containsExactly("_id", "tenantId", "planId", "courseKey", "fiscalYear", "seq", "actors");
        CourseYear back = ProgressStore.courseYear(document);
        assertThat(ProgressStore.document(back)).isEqualTo(document);
        assertThat(back.tallies().get("sha1|abc").millis).isEqualTo(7_200_000L);

        ProgressActor actor = new ProgressActor("sha1|abc", "mbox|mailto:a@b.go.th", "มาลี", 3, WHEN.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), 42);
        Document actorDocument = ProgressStore.document("t", actor);
        assertThat(actorDocument.get("_id")).isEqualTo("t/sha1|abc");
        assertThat(ProgressStore.actor(actorDocument)).isEqualTo(actor);
        assertThat(ProgressStore.document("t", new ProgressActor("k", "k", null, 1, WHEN, 1)).containsKey("name")).as("no name, no field")
                .isFalse();
    }
}
