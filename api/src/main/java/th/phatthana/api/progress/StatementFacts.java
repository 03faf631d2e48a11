package th.phatthana.api.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.schema.xapi.XapiVerbs;
import tools.jackson.databind.JsonNode;

/**
 * What progress needs from one statement, read once from its JSON: who (every key the actor can
 * be matched by), which activities it is about (object, parent, grouping), the verb, the result,
 * and the fiscal year of its timestamp (or, failing that, of when it was stored) in Asia/Bangkok.
 *
 * @param actorKeys  IFI keys of the actor, as the statement store and staff identities make them; an
 *                   mbox also yields the key of its mbox_sha1sum, so a staff identity given either way
 *                   matches statements sent the other way
 */
public record StatementFacts(String statementId, long seq, List<String> actorKeys, String actorName, String verbId,
        Set<String> activityIds, Boolean success, Boolean completion, Double scaled, double seconds, int fiscalYear,
        Instant timestamp, String voidedStatementId) {

    /** @param clock read only for a statement with neither timestamp nor stored (never the case for a stored one) */
    public static StatementFacts of(JsonNode statement, long seq, Clock clock) {
        JsonNode actor = statement.path("actor");
        List<String> keys = ActorKey.lookupKeys(actor);
        String verb = statement.path("verb").path("id").asString(null);
        JsonNode object = statement.path("object");
        String voided = XapiVerbs.VOIDED.equals(verb) && "StatementRef".equals(object.path("objectType").asString(null))
                ? object.path("id").asString(null) : null;

        Set<String> activities = new LinkedHashSet<>();
        String objectType = object.path("objectType").asString("Activity");
        if (objectType.equals("Activity") && object.has("id")) {
            activities.add(object.get("id").asString());
        }
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        for (String kind : List.of("parent", "grouping")) {
            JsonNode list = contextActivities.path(kind);
            if (list.isArray()) {
                list.forEach(a -> activities.add(a.path("id").asString()));
            } else if (list.isObject()) {
                activities.add(list.path("id").asString());
            }
        }

        JsonNode result = statement.path("result");
        Boolean success = result.path("success").isBoolean() ? result.get("success").booleanValue() : null;
        Boolean completion = result.path("completion").isBoolean() ? result.get("completion").booleanValue() : null;
        Double scaled = result.path("score").path("scaled").isNumber() ? result.path("score").get("scaled").doubleValue() : null;
        double seconds = IsoDurations.seconds(result.path("duration").asString(null));

        Instant when = instant(statement.path("timestamp").asString(null));
        if (when == null) {
            when = instant(statement.path("stored").asString(null));
        }
        if (when == null) {
            when = clock.instant();
        }
        return new StatementFacts(statement.path("id").asString(null), seq, keys, actor.path("name").asString(null), verb,
                activities, success, completion, scaled, seconds, FiscalYears.of(when), when, voided);
    }

    /**
     * The one key progress files the statement under: the {@code sha1|} key when there is one (an
     * mbox yields it too, and a staff identity given as mbox or as mbox_sha1sum both look it up), else
     * the first key; null for an actor without any.
     */
    public String actorKey() {
        for (String key : actorKeys) {
            if (ActorKey.isSha1(key)) {
                return key;
            }
        }
        return actorKeys.isEmpty() ? null : actorKeys.get(0);
    }

    /** The duration in whole milliseconds, as the read model keeps it. */
    public long millis() {
        return Math.round(seconds * 1000);
    }

    /** The key to show people: the first (an mbox rather than its hash). */
    public String displayKey() {
        return actorKeys.isEmpty() ? null : actorKeys.get(0);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
