package th.phatthana.lrs.statements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.Document;

/**
 * The keys a statement is found by: one string per value of each query parameter it satisfies,
 * e.g. {@code verb|http://adlnet.gov/expapi/verbs/completed}. A statement's {@code keys} are its
 * own and, when it targets another statement by StatementRef, that statement's keys too (the
 * filter conditions of Communication 2.1.3 apply per condition, recursively). A query asks for
 * the statements holding all of its keys, so every store answers it from one list per key.
 */
public final class QueryKeys {

    static final String AGENT = "agent|";
    static final String RELATED_AGENT = "related_agent|";
    static final String VERB = "verb|";
    static final String ACTIVITY = "activity|";
    static final String RELATED_ACTIVITY = "related_activity|";
    static final String REGISTRATION = "registration|";

    private QueryKeys() {
    }

    /** The statement's own keys, from its extracted query fields. */
    static List<String> of(QueryFields fields) {
        Set<String> keys = new LinkedHashSet<>();
        if (fields.verbId() != null) {
            keys.add(VERB + fields.verbId());
        }
        if (fields.activityId() != null) {
            keys.add(ACTIVITY + fields.activityId());
        }
        fields.agents().forEach(agent -> keys.add(AGENT + agent));
        fields.relatedAgents().forEach(agent -> keys.add(RELATED_AGENT + agent));
        fields.relatedActivities().forEach(activity -> keys.add(RELATED_ACTIVITY + activity));
        if (fields.registration() != null) {
            keys.add(registration(fields.registration()));
        }
        return new ArrayList<>(keys);
    }

    /**
     * The own keys of a statement document written before documents had {@code keys}: from the
     * separate fields they had then ({@code verbId}, {@code agents}, ...).
     */
    static List<String> ofLegacyDocument(Document document) {
        Set<String> keys = new LinkedHashSet<>();
        String verbId = document.getString("verbId");
        if (verbId != null) {
            keys.add(VERB + verbId);
        }
        String activityId = document.getString("activityId");
        if (activityId != null) {
            keys.add(ACTIVITY + activityId);
        }
        document.getList("agents", String.class, List.of()).forEach(agent -> keys.add(AGENT + agent));
        document.getList("relatedAgents", String.class, List.of()).forEach(agent -> keys.add(RELATED_AGENT + agent));
        document.getList("relatedActivities", String.class, List.of()).forEach(activity -> keys.add(RELATED_ACTIVITY + activity));
        String registration = document.getString("registration");
        if (registration != null) {
            keys.add(registration(registration));
        }
        return new ArrayList<>(keys);
    }

    /** The keys a query asks for, most selective first (the order a store best intersects them in). */
    static List<String> of(StatementQuery query) {
        List<String> keys = new ArrayList<>(4);
        if (query.registration() != null) {
            keys.add(registration(query.registration()));
        }
        if (query.agentKey() != null) {
            keys.add((query.relatedAgents() ? RELATED_AGENT : AGENT) + query.agentKey());
        }
        if (query.activity() != null) {
            keys.add((query.relatedActivities() ? RELATED_ACTIVITY : ACTIVITY) + query.activity());
        }
        if (query.verb() != null) {
            keys.add(VERB + query.verb());
        }
        return keys;
    }

    /** Registrations are UUIDs, compared case-insensitively (the query parameter is normalised the same way). */
    private static String registration(String registration) {
        return REGISTRATION + registration.toLowerCase(Locale.ROOT);
    }
}
