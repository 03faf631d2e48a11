package th.phatthana.lrs.statements;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether two statements are the same statement: used for an id sent again (same → accepted, different →
 * 409) and for a signature's payload. Ignores what the LRS adds, and, as xAPI 2.0 §4.2.7 requires,
 * any precision of {@code result.duration} beyond 0.01 s.
 */
final class StatementComparison {

    private static final Pattern FINE_SECONDS = Pattern.compile("(\\d+)\\.(\\d{2})\\d+S$");

    private StatementComparison() {
    }

    /** Copies of both, with the given LRS-owned properties removed, compared property by property. */
    static boolean same(ObjectNode a, ObjectNode b, List<String> ignored) {
        ObjectNode left = a.deepCopy();
        ObjectNode right = b.deepCopy();
        for (String property : ignored) {
            left.remove(property);
            right.remove(property);
        }
        truncateDuration(left);
        truncateDuration(right);
        return left.equals(right);
    }

    private static void truncateDuration(ObjectNode statement) {
        JsonNode result = statement.get("result");
        if (result instanceof ObjectNode resultNode && resultNode.get("duration") != null && resultNode.get("duration").isString()) {
            resultNode.put("duration", truncate(resultNode.get("duration").stringValue()));
        }
        JsonNode object = statement.get("object");
        if (object instanceof ObjectNode sub && "SubStatement".equals(sub.path("objectType").asString(null))) {
            truncateDuration(sub);
        }
    }

    static String truncate(String duration) {
        Matcher matcher = FINE_SECONDS.matcher(duration);
        return matcher.find() ? duration.substring(0, matcher.start()) + matcher.group(1) + "." + matcher.group(2) + "S" : duration;
    }
}
