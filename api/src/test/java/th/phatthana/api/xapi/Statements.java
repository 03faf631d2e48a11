package th.phatthana.api.xapi;

import java.util.UUID;

/** Realistic statement JSON for tests: Thai staff, Thai language maps, a course context. */
final class Statements {

    private Statements() {
    }

    static String completed(String id, String email, String activityId) {
        return """
                {%s"actor":{"objectType":"Agent","name":"สมชาย ใจดี","mbox":"mailto:%s"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"th-TH":"เรียนจบ","en-US":"completed"}},
                 "object":{"objectType":"Activity","id":"%s",
                   "definition":{"name":{"th-TH":"การป้องกันการทุจริต","en-US":"Anti-corruption"},
                                 "type":"http://adlnet.gov/expapi/activities/course"}},
                 "result":{"completion":true,"success":true,"score":{"scaled":0.85},"duration":"PT2H30M"},
                 "context":{"registration":"%s","language":"th-TH",
                   "contextActivities":{"parent":[{"id":"https://elearning.dla.go.th/courses/ethics"}]}},
                 "timestamp":"2024-03-15T09:30:00+07:00"}
                """.formatted(id == null ? "" : "\"id\":\"" + id + "\",", email, activityId, UUID.randomUUID());
    }

    static String completed(String email) {
        return completed(null, email, "https://elearning.dla.go.th/activities/anti-corruption");
    }
}
