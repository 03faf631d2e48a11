package th.phatthana.api.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import th.phatthana.api.plans.PlanEvent.FieldChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured differences between two revisions of a plan: per section, the changed fields of the
 * section and the items (goals, courses, committee members) added, removed or changed, matched by
 * their stable keys. Field paths are dotted; lists of keyed objects are addressed by key and
 * per-year lists by fiscal year (e.g. {@code yearly.2568.budget}); other lists are compared whole.
 */
public record PlanDiff(int from, int to, List<SectionDiff> sections) {

    public boolean identical() {
        return sections.isEmpty();
    }

    public enum Section {
        TITLE, RATIONALE, GOALS, COURSES, METHODS_AND_DURATION, BUDGET, MONITORING, COMMITTEE
    }

    public enum ChangeKind {
        ADDED, REMOVED, CHANGED
    }

    public record SectionDiff(Section section, List<FieldChange> fields, List<ItemDiff> items) {
    }

    public record ItemDiff(String key, String title, ChangeKind change, List<FieldChange> fields) {
    }

    /** Every change as one flat list with full paths (section.item.field), for the audit trail. */
    public List<FieldChange> flatten(int limit, JsonMapper json) {
        List<FieldChange> all = new ArrayList<>();
        for (SectionDiff section : sections) {
            String prefix = section.section().name().toLowerCase(java.util.Locale.ROOT);
            for (FieldChange field : section.fields()) {
                all.add(new FieldChange(prefix + "." + field.field(), field.before(), field.after()));
            }
            for (ItemDiff item : section.items()) {
                String itemPath = prefix + "." + item.key();
                switch (item.change()) {
                    case ADDED -> all.add(new FieldChange(itemPath, null, quote(item.title(), json)));
                    case REMOVED -> all.add(new FieldChange(itemPath, quote(item.title(), json), null));
                    case CHANGED -> item.fields().forEach(f -> all.add(new FieldChange(itemPath + "." + f.field(), f.before(), f.after())));
                }
            }
        }
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** The names of the sections that differ, e.g. "courses, budget", for summaries. */
    public String sectionNames() {
        return String.join(", ", sections.stream().map(s -> s.section().name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    /** A JSON string literal of the text, as audit entries give before and after values. */
    static String quote(String text, JsonMapper json) {
        return text == null ? null : json.writeValueAsString(text);
    }

    /** Compares two plan texts over the plan's fiscal years (their values compared as JSON trees). */
    public static PlanDiff between(int from, PlanContent before, int to, PlanContent after, List<Integer> fiscalYears, JsonMapper json) {
        return new Differ(json).between(from, before, to, after, fiscalYears);
    }

    private static final class Differ {

        private final JsonMapper json;

        Differ(JsonMapper json) {
            this.json = json;
        }

        PlanDiff between(int from, PlanContent before, int to, PlanContent after, List<Integer> fiscalYears) {
            List<SectionDiff> sections = new ArrayList<>();
            add(sections, Section.RATIONALE, fields(Map.of("rationale", tree(before.rationale())),
                    Map.of("rationale", tree(after.rationale()))), List.of());
            add(sections, Section.GOALS, List.of(), items(before.goals(), after.goals(), PlanContent.Goal::key, PlanContent.Goal::title));
            add(sections, Section.COURSES, List.of(),
                    items(before.courses(), after.courses(), PlanContent.Course::key, PlanContent.Course::titleTh));
            add(sections, Section.METHODS_AND_DURATION, fields(methods(before), methods(after)), List.of());
            add(sections, Section.BUDGET, fields(budget(before, fiscalYears), budget(after, fiscalYears)), List.of());
            add(sections, Section.MONITORING, fields(flat(tree(before.monitoring())), flat(tree(after.monitoring()))), List.of());
            add(sections, Section.COMMITTEE,
                    fields(committeeFields(before.committee()), committeeFields(after.committee())),
                    items(before.committee().members(), after.committee().members(), PlanContent.Member::key,
                            m -> m.name() != null ? m.name() : m.position()));
            return new PlanDiff(from, to, sections);
        }

        private void add(List<SectionDiff> sections, Section section, List<FieldChange> fields, List<ItemDiff> items) {
            if (!fields.isEmpty() || !items.isEmpty()) {
                sections.add(new SectionDiff(section, fields, items));
            }
        }

        private Map<String, JsonNode> methods(PlanContent content) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            values.put("description", tree(content.methodsAndDuration().description()));
            values.put("methodsUsed", tree(content.methodsUsed()));
            return values;
        }

        private Map<String, JsonNode> budget(PlanContent content, List<Integer> fiscalYears) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            values.put("description", tree(content.budget().description()));
            long total = 0;
            for (int year : fiscalYears) {
                long amount = content.totals(year).amount();
                total += amount;
                values.put("byFiscalYear." + year + ".amount", tree(amount));
            }
            values.put("total", tree(total));
            return values;
        }

        private Map<String, JsonNode> committeeFields(PlanContent.Committee committee) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            values.put("appointmentOrderNumber", tree(committee.appointmentOrderNumber()));
            values.put("appointmentDate", tree(committee.appointmentDate()));
            return values;
        }

        private <T> List<ItemDiff> items(List<T> before, List<T> after, Function<T, String> key, Function<T, String> title) {
            Map<String, T> old = new LinkedHashMap<>();
            before.forEach(item -> old.put(key.apply(item), item));
            Map<String, T> current = new LinkedHashMap<>();
            after.forEach(item -> current.put(key.apply(item), item));
            List<ItemDiff> items = new ArrayList<>();
            for (Map.Entry<String, T> entry : current.entrySet()) {
                T previous = old.get(entry.getKey());
                if (previous == null) {
                    items.add(new ItemDiff(entry.getKey(), title.apply(entry.getValue()), ChangeKind.ADDED, List.of()));
                } else {
                    List<FieldChange> changed = fields(flat(tree(previous)), flat(tree(entry.getValue())));
                    if (!changed.isEmpty()) {
                        items.add(new ItemDiff(entry.getKey(), title.apply(entry.getValue()), ChangeKind.CHANGED, changed));
                    }
                }
            }
            for (Map.Entry<String, T> entry : old.entrySet()) {
                if (!current.containsKey(entry.getKey())) {
                    items.add(new ItemDiff(entry.getKey(), title.apply(entry.getValue()), ChangeKind.REMOVED, List.of()));
                }
            }
            return items;
        }

        private List<FieldChange> fields(Map<String, JsonNode> before, Map<String, JsonNode> after) {
            Set<String> names = new LinkedHashSet<>(after.keySet());
            names.addAll(before.keySet());
            List<FieldChange> changes = new ArrayList<>();
            for (String name : names) {
                String old = text(before.get(name));
                String current = text(after.get(name));
                if (!Objects.equals(old, current)) {
                    changes.add(new FieldChange(name, old, current));
                }
            }
            return changes;
        }

        private String text(JsonNode node) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isArray() && node.isEmpty()) {
                return null;
            }
            return node.toString();
        }

        private JsonNode tree(Object value) {
            return json.valueToTree(value);
        }

        /** Object fields become dotted paths; lists of keyed or per-year objects are addressed by key or year. */
        private Map<String, JsonNode> flat(JsonNode node) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            flatten(node, "", out);
            return out;
        }

        private void flatten(JsonNode node, String path, Map<String, JsonNode> out) {
            if (node == null || node.isNull()) {
                return;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (path.isEmpty() && property.getKey().equals("key")) {
                        continue;
                    }
                    flatten(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), out);
                }
                return;
            }
            if (node.isArray() && !node.isEmpty() && addressable(node)) {
                for (JsonNode element : node) {
                    String id = element.has("key") ? element.get("key").asString() : element.get("fiscalYear").asString();
                    JsonNode rest = element.deepCopy();
                    ((tools.jackson.databind.node.ObjectNode) rest).remove(element.has("key") ? "key" : "fiscalYear");
                    flatten(rest, path + "." + id, out);
                }
                return;
            }
            out.put(path, node);
        }

        private boolean addressable(JsonNode array) {
            boolean keyed = true;
            boolean yearly = true;
            for (JsonNode element : array) {
                keyed &= element.isObject() && element.has("key") && element.get("key").isString();
                yearly &= element.isObject() && element.has("fiscalYear") && element.get("fiscalYear").isNumber();
            }
            return keyed || yearly;
        }
    }
}
