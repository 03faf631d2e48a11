package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class StatementFactsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private StatementFacts facts(String timestamp) {
        return StatementFacts.of(json.readTree("""
                {"id":"6f1c4a52-1b8f-4b8e-9d55-0b1c6f7c2a10","actor":{"name":"มาลี","mbox":"mailto:Malee@Sangkhom.go.th"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"id":"https://elearning.dla.go.th/xapi/activities/module-1"},
                 "context":{"contextActivities":{"parent":[{"id":"https://elearning.dla.go.th/xapi/activities/course"}],
                                                 "grouping":{"id":"https://elearning.dla.go.th/xapi/activities/programme"}}},
                 "result":{"success":true,"completion":true,"score":{"scaled":0.8},"duration":"PT1H30M"},
                 "timestamp":"%s","stored":"2025-01-01T00:00:00Z"}""".formatted(timestamp)), 7, java.time.Clock.systemUTC());
    }

    @Test
    void theFiscalYearTurnsAtMidnightOfFirstOctoberInBangkok() {
        assertThat(facts("2024-09-30T17:00:00Z").fiscalYear()).isEqualTo(2568);
        assertThat(facts("2024-09-30T16:59:59Z").fiscalYear()).isEqualTo(2567);
        assertThat(facts("2024-10-01T00:00:00+07:00").fiscalYear()).isEqualTo(2568);
    }

    @Test
    void activitiesComeFromTheObjectAndItsParentAndGrouping() {
        StatementFacts facts = facts("2024-03-01T09:00:00+07:00");
        assertThat(facts.activityIds()).containsExactly("https://elearning.dla.go.th/xapi/activities/module-1",
                "https://elearning.dla.go.th/xapi/activities/course", "https://elearning.dla.go.th/xapi/activities/programme");
        assertThat(facts.seconds()).isEqualTo(5400.0);
        assertThat(facts.scaled()).isEqualTo(0.8);
        assertThat(facts.success()).isTrue();
    }

    @Test
    void anMboxMatchesItsSha1SumToo() {
        StatementFacts facts = facts("2024-03-01T09:00:00+07:00");
        assertThat(facts.actorKeys()).contains("mbox|mailto:Malee@Sangkhom.go.th",
                "sha1|" + th.phatthana.schema.xapi.ActorKey.sha1Hex("mailto:Malee@Sangkhom.go.th"));
    }

    @Test
    void durationsOfEveryShape() {
        assertThat(IsoDurations.seconds("PT45M")).isEqualTo(2700.0);
        assertThat(IsoDurations.seconds("P1DT2H")).isEqualTo(93600.0);
        assertThat(IsoDurations.seconds("PT0.5S")).isEqualTo(0.5);
        assertThat(IsoDurations.seconds("P1W")).isEqualTo(604800.0);
        assertThat(IsoDurations.seconds(null)).isZero();
    }
}
