package th.phatthana.lrs.statements.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import th.phatthana.schema.xapi.XapiVerbs;
import tools.jackson.databind.JsonNode;

/**
 * Validates xAPI statements against the statement rules of xAPI 1.0.3 (Data, sections 2 and 4) and xAPI 2.0
 * (IEEE 9274.1.1), as checked by the ADL LRS conformance test suite.
 *
 * <p>One recursive walk over the JSON tree, stopping at the first broken rule, which is reported as a
 * {@link StatementValidationException} whose message names the JSON path and the rule, e.g.
 * {@code statement.actor.mbox: must be a "mailto:" IRI}. The validator is stateless and thread-safe; paths are
 * built as small linked nodes and only rendered to text on failure.
 *
 * <p>What is checked, in short:
 * <ul>
 * <li>every object with a fixed set of properties (statement, Agent, Group, account, Verb, Activity, definition,
 * interaction component, StatementRef, SubStatement, result, score, context, contextActivities, contextAgent,
 * contextGroup, attachment) rejects unknown properties (names are case-sensitive) and {@code null} values; only
 * extension values may be anything, {@code null} included;</li>
 * <li>JSON types: strings, booleans, numbers, objects and arrays where the specification says so;</li>
 * <li>formats: UUIDs, absolute IRIs/IRLs (non-ASCII allowed), {@code mailto:} IRIs, SHA-1 and SHA-2 hex hashes,
 * RFC 5646 language tags (map keys and {@code context.language}), ISO 8601 timestamps and durations, media types,
 * statement versions;</li>
 * <li>structure: Agents with exactly one inverse functional identifier, identified Groups with exactly one and
 * anonymous Groups with at least one member, Groups containing only Agents, {@code objectType} values (exact case),
 * Agents/Groups as objects needing {@code objectType}, SubStatements without {@code id}, {@code stored},
 * {@code version}, {@code authority} or a nested SubStatement, interaction component lists only with the matching
 * {@code interactionType} and with unique ids, score ranges, {@code revision}/{@code platform} only with an Activity
 * object, voiding statements needing a StatementRef object, authority being an Agent or a two-Agent OAuth Group,
 * signature attachments being {@code application/octet-stream};</li>
 * <li>version differences: {@code context.contextAgents} and {@code context.contextGroups} exist only in 2.0;
 * 2.0 timestamps must carry a time zone offset; a 1.0.3 statement {@code version} must be {@code 1.0[.x]} while
 * 2.0 also accepts {@code 2.0[.x]}.</li>
 * </ul>
 */
public final class StatementValidator {

    private static final Walker V1_0_3 = new Walker(false);
    private static final Walker V2_0_0 = new Walker(true);

    public StatementValidator() {
    }

    /**
     * Checks one statement as received from a client (so {@code stored}, {@code authority} and {@code version} may
     * be present but are optional).
     *
     * @param statement the parsed statement
     * @param version the xAPI version of the request, from the {@code X-Experience-API-Version} header
     * @throws StatementValidationException naming the property path and the rule that failed
     */
    public void validate(JsonNode statement, XapiVersion version) {
        if (version == null) {
            throw new IllegalArgumentException("version is required");
        }
        (version == XapiVersion.V2_0_0 ? V2_0_0 : V1_0_3).statement(statement, Path.ROOT);
    }

    // ---------------------------------------------------------------------------------------------- constants

    static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    private static final Shape STATEMENT = new Shape("a Statement",
            "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version",
            "attachments");
    private static final Shape SUB_STATEMENT = new Shape("a SubStatement",
            "objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
    private static final List<String> SUB_STATEMENT_FORBIDDEN = List.of("id", "stored", "version", "authority");
    private static final Shape AGENT = new Shape("an Agent",
            "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Shape GROUP = new Shape("a Group",
            "objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Shape ACCOUNT = new Shape("an account", "homePage", "name");
    private static final Shape VERB = new Shape("a Verb", "id", "display");
    private static final Shape ACTIVITY = new Shape("an Activity", "objectType", "id", "definition");
    private static final Shape DEFINITION = new Shape("an Activity definition",
            "name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern",
            "choices", "scale", "source", "target", "steps");
    private static final Shape COMPONENT = new Shape("an interaction component", "id", "description");
    private static final Shape STATEMENT_REF = new Shape("a StatementRef", "objectType", "id");
    private static final Shape RESULT = new Shape("a Result",
            "score", "success", "completion", "response", "duration", "extensions");
    private static final Shape SCORE = new Shape("a Score", "scaled", "raw", "min", "max");
    private static final Shape CONTEXT_V1 = new Shape("a Context",
            "registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
            "statement", "extensions");
    private static final Shape CONTEXT_V2 = new Shape("a Context",
            "registration", "instructor", "team", "contextActivities", "contextAgents", "contextGroups",
            "revision", "platform", "language", "statement", "extensions");
    private static final Shape CONTEXT_ACTIVITIES = new Shape("contextActivities",
            "parent", "grouping", "category", "other");
    private static final Shape CONTEXT_AGENT = new Shape("a contextAgent", "objectType", "agent", "relevantTypes");
    private static final Shape CONTEXT_GROUP = new Shape("a contextGroup", "objectType", "group", "relevantTypes");
    private static final Shape ATTACHMENT = new Shape("an Attachment",
            "usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");

    private static final Set<String> IFI_OR_MEMBER = Set.of("mbox", "mbox_sha1sum", "openid", "account", "member");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final String INTERACTION_TYPE_LIST = "\"true-false\", \"choice\", \"fill-in\", \"long-fill-in\", "
            + "\"matching\", \"performance\", \"sequencing\", \"likert\", \"numeric\" or \"other\"";
    private static final String COMPONENT_LIST_RULE = "choices is for \"choice\" and \"sequencing\", scale for "
            + "\"likert\", source and target for \"matching\", steps for \"performance\"";

    private enum Kind { ACTIVITY, AGENT, GROUP, STATEMENT_REF, SUB_STATEMENT }

    /** The fixed property set of one kind of object, with the text used in "unknown property" messages. */
    private static final class Shape {
        final String what;
        final Set<String> keys;
        final String listing;
        final String[] ordered;

        Shape(String what, String... keys) {
            this.what = what;
            this.keys = Set.of(keys);
            this.listing = String.join(", ", keys);
            this.ordered = keys;
        }
    }

    // ------------------------------------------------------------------------------------------------ paths

    /** A JSON path, built as a linked list of segments and only rendered to text when a rule fails. */
    static final class Path {
        static final Path ROOT = new Path(null, "statement", -1, false);

        private final Path parent;
        private final String name;
        private final int index;
        private final boolean mapKey;

        private Path(Path parent, String name, int index, boolean mapKey) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.mapKey = mapKey;
        }

        Path child(String property) {
            return new Path(this, property, -1, false);
        }

        Path at(int i) {
            return new Path(this, null, i, false);
        }

        /** A key of a map (language map): rendered as {@code ["key"]}. */
        Path key(String key) {
            return new Path(this, key, -1, true);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(64);
            append(sb);
            return sb.toString();
        }

        private void append(StringBuilder sb) {
            if (parent != null) {
                parent.append(sb);
            }
            if (mapKey) {
                sb.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            } else if (name == null) {
                sb.append('[').append(index).append(']');
            } else {
                if (parent != null) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
    }

    static StatementValidationException fail(Path path, String rule) {
        return new StatementValidationException(path.toString(), rule);
    }

    // ----------------------------------------------------------------------------------------------- walker

    /** The walk for one xAPI version; stateless. */
    private static final class Walker {

        private final boolean v2;

        Walker(boolean v2) {
            this.v2 = v2;
        }

        // --------------------------------------------------------------------------------- statement

        void statement(JsonNode s, Path p) {
            if (s == null || s.isMissingNode()) {
                throw fail(p, "is required");
            }
            requireObject(s, p);
            checkProperties(s, p, STATEMENT);
            JsonNode actor = required(s, "actor", p);
            JsonNode verb = required(s, "verb", p);
            JsonNode object = required(s, "object", p);

            JsonNode v;
            if ((v = s.get("id")) != null) {
                uuid(v, p.child("id"));
            }
            actor(actor, p.child("actor"));
            String verbId = verb(verb, p.child("verb"));
            Kind kind = object(object, p.child("object"), false);
            if (XapiVerbs.VOIDED.equals(verbId) && kind != Kind.STATEMENT_REF) {
                throw fail(p.child("object"), "a voiding statement (verb " + XapiVerbs.VOIDED
                        + ") must have a StatementRef object (\"objectType\": \"StatementRef\")");
            }
            if ((v = s.get("result")) != null) {
                result(v, p.child("result"));
            }
            if ((v = s.get("context")) != null) {
                context(v, p.child("context"), kind);
            }
            if ((v = s.get("timestamp")) != null) {
                timestamp(v, p.child("timestamp"));
            }
            if ((v = s.get("stored")) != null) {
                timestamp(v, p.child("stored"));
            }
            if ((v = s.get("authority")) != null) {
                authority(v, p.child("authority"));
            }
            if ((v = s.get("version")) != null) {
                version(v, p.child("version"));
            }
            if ((v = s.get("attachments")) != null) {
                attachments(v, p.child("attachments"));
            }
        }

        private void subStatement(JsonNode s, Path p) {
            for (String forbidden : SUB_STATEMENT_FORBIDDEN) {
                if (s.has(forbidden)) {
                    throw fail(p.child(forbidden), "must not be present in a SubStatement");
                }
            }
            checkProperties(s, p, SUB_STATEMENT);
            JsonNode actor = required(s, "actor", p);
            JsonNode verb = required(s, "verb", p);
            JsonNode object = required(s, "object", p);
            actor(actor, p.child("actor"));
            verb(verb, p.child("verb"));
            Kind kind = object(object, p.child("object"), true);
            JsonNode v;
            if ((v = s.get("result")) != null) {
                result(v, p.child("result"));
            }
            if ((v = s.get("context")) != null) {
                context(v, p.child("context"), kind);
            }
            if ((v = s.get("timestamp")) != null) {
                timestamp(v, p.child("timestamp"));
            }
            if ((v = s.get("attachments")) != null) {
                attachments(v, p.child("attachments"));
            }
        }

        // ------------------------------------------------------------------------------------ actors

        /** An Agent or a Group ({@code objectType} absent means Agent). */
        private void actor(JsonNode a, Path p) {
            requireObject(a, p);
            JsonNode ot = a.get("objectType");
            if (ot == null) {
                agent(a, p);
                return;
            }
            String type = text(ot, p.child("objectType"));
            if (type.equals("Agent")) {
                agent(a, p);
            } else if (type.equals("Group")) {
                group(a, p);
            } else {
                throw fail(p.child("objectType"), "must be \"Agent\" or \"Group\" (case-sensitive)");
            }
        }

        private void agent(JsonNode a, Path p) {
            requireObject(a, p);
            checkProperties(a, p, AGENT);
            JsonNode v;
            if ((v = a.get("objectType")) != null && !text(v, p.child("objectType")).equals("Agent")) {
                throw fail(p.child("objectType"), "must be \"Agent\"");
            }
            if ((v = a.get("name")) != null) {
                text(v, p.child("name"));
            }
            int ifis = countIfis(a);
            if (ifis != 1) {
                throw fail(p, "an Agent must have exactly one inverse functional identifier (mbox, mbox_sha1sum, "
                        + "openid or account); found " + describeIfis(a));
            }
            ifis(a, p);
        }

        /** Validates a Group and returns its number of inverse functional identifiers (0 for anonymous). */
        private int group(JsonNode g, Path p) {
            requireObject(g, p);
            checkProperties(g, p, GROUP);
            JsonNode v = g.get("objectType");
            if (v == null) {
                throw fail(p.child("objectType"), "is required for a Group and must be \"Group\"");
            }
            if (!text(v, p.child("objectType")).equals("Group")) {
                throw fail(p.child("objectType"), "must be \"Group\"");
            }
            if ((v = g.get("name")) != null) {
                text(v, p.child("name"));
            }
            int ifis = countIfis(g);
            if (ifis > 1) {
                throw fail(p, "an identified Group must have exactly one inverse functional identifier (mbox, "
                        + "mbox_sha1sum, openid or account); found " + describeIfis(g));
            }
            ifis(g, p);
            JsonNode member = g.get("member");
            if (member == null) {
                if (ifis == 0) {
                    throw fail(p.child("member"), "is required for an anonymous Group (a Group without mbox, "
                            + "mbox_sha1sum, openid or account) and must list at least one Agent");
                }
                return ifis;
            }
            Path mp = p.child("member");
            requireArray(member, mp);
            int n = member.size();
            if (n == 0 && ifis == 0) {
                throw fail(mp, "must list at least one Agent for an anonymous Group (a Group without mbox, "
                        + "mbox_sha1sum, openid or account)");
            }
            for (int i = 0; i < n; i++) {
                memberAgent(member.get(i), mp.at(i), "a Group member must be an Agent, not a Group");
            }
            return ifis;
        }

        /** An Agent where only an Agent may stand (Group members, contextAgent agents). */
        private void memberAgent(JsonNode a, Path p, String notAGroupRule) {
            requireObject(a, p);
            JsonNode ot = a.get("objectType");
            if (ot != null && ot.isString() && ot.stringValue().equals("Group")) {
                throw fail(p.child("objectType"), notAGroupRule);
            }
            agent(a, p);
        }

        private static int countIfis(JsonNode a) {
            return (a.has("mbox") ? 1 : 0) + (a.has("mbox_sha1sum") ? 1 : 0) + (a.has("openid") ? 1 : 0)
                    + (a.has("account") ? 1 : 0);
        }

        private static String describeIfis(JsonNode a) {
            StringBuilder sb = new StringBuilder();
            for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
                if (a.has(ifi)) {
                    sb.append(sb.isEmpty() ? "" : ", ").append(ifi);
                }
            }
            return sb.isEmpty() ? "none" : sb.toString();
        }

        private void ifis(JsonNode a, Path p) {
            JsonNode v;
            if ((v = a.get("mbox")) != null) {
                Path mp = p.child("mbox");
                if (!Formats.isMailtoIri(text(v, mp))) {
                    throw fail(mp, "must be a \"mailto:\" IRI");
                }
            }
            if ((v = a.get("mbox_sha1sum")) != null) {
                Path sp = p.child("mbox_sha1sum");
                if (!Formats.isSha1Hex(text(v, sp))) {
                    throw fail(sp, "must be a hex-encoded SHA-1 hash (40 hexadecimal digits)");
                }
            }
            if ((v = a.get("openid")) != null) {
                Path op = p.child("openid");
                if (!Formats.isAbsoluteIri(text(v, op))) {
                    throw fail(op, "must be an absolute URI");
                }
            }
            if ((v = a.get("account")) != null) {
                account(v, p.child("account"));
            }
        }

        private void account(JsonNode a, Path p) {
            requireObject(a, p);
            checkProperties(a, p, ACCOUNT);
            irl(required(a, "homePage", p), p.child("homePage"));
            text(required(a, "name", p), p.child("name"));
        }

        private void authority(JsonNode a, Path p) {
            requireObject(a, p);
            JsonNode ot = a.get("objectType");
            if (ot == null || !ot.isString() || !ot.stringValue().equals("Group")) {
                actor(a, p);
                return;
            }
            int ifis = group(a, p);
            if (ifis > 0) {
                throw fail(p, "a Group authority (3-legged OAuth) must be an anonymous Group of the OAuth consumer "
                        + "and the user; it must not have an inverse functional identifier");
            }
            JsonNode member = a.get("member");
            if (member.size() != 2) {
                throw fail(p.child("member"), "a Group authority (3-legged OAuth) must have exactly two Agents, the "
                        + "OAuth consumer and the user; found " + member.size());
            }
            if (!member.get(0).has("account") && !member.get(1).has("account")) {
                throw fail(p.child("member"), "a Group authority (3-legged OAuth) must contain the OAuth consumer as "
                        + "an Agent identified by an account");
            }
        }

        // -------------------------------------------------------------------------------------- verb

        /** Validates a Verb and returns its id. */
        private String verb(JsonNode v, Path p) {
            requireObject(v, p);
            checkProperties(v, p, VERB);
            String id = iri(required(v, "id", p), p.child("id"));
            JsonNode display = v.get("display");
            if (display != null) {
                languageMap(display, p.child("display"));
            }
            return id;
        }

        // ------------------------------------------------------------------------------------ object

        private Kind object(JsonNode o, Path p, boolean inSubStatement) {
            requireObject(o, p);
            JsonNode ot = o.get("objectType");
            if (ot == null) {
                activity(o, p);
                return Kind.ACTIVITY;
            }
            Path tp = p.child("objectType");
            switch (text(ot, tp)) {
                case "Activity" -> {
                    activity(o, p);
                    return Kind.ACTIVITY;
                }
                case "Agent" -> {
                    agent(o, p);
                    return Kind.AGENT;
                }
                case "Group" -> {
                    group(o, p);
                    return Kind.GROUP;
                }
                case "StatementRef" -> {
                    statementRef(o, p);
                    return Kind.STATEMENT_REF;
                }
                case "SubStatement" -> {
                    if (inSubStatement) {
                        throw fail(tp, "a SubStatement must not contain another SubStatement");
                    }
                    subStatement(o, p);
                    return Kind.SUB_STATEMENT;
                }
                default -> throw fail(tp, inSubStatement
                        ? "must be \"Activity\", \"Agent\", \"Group\" or \"StatementRef\" (case-sensitive)"
                        : "must be \"Activity\", \"Agent\", \"Group\", \"StatementRef\" or \"SubStatement\" "
                                + "(case-sensitive)");
            }
        }

        private void activity(JsonNode a, Path p) {
            requireObject(a, p);
            checkProperties(a, p, ACTIVITY);
            JsonNode v;
            if ((v = a.get("objectType")) != null && !text(v, p.child("objectType")).equals("Activity")) {
                throw fail(p.child("objectType"), "must be \"Activity\"");
            }
            iri(required(a, "id", p), p.child("id"));
            if ((v = a.get("definition")) != null) {
                definition(v, p.child("definition"));
            }
        }

        private void definition(JsonNode d, Path p) {
            requireObject(d, p);
            checkProperties(d, p, DEFINITION);
            JsonNode v;
            if ((v = d.get("name")) != null) {
                languageMap(v, p.child("name"));
            }
            if ((v = d.get("description")) != null) {
                languageMap(v, p.child("description"));
            }
            if ((v = d.get("type")) != null) {
                iri(v, p.child("type"));
            }
            if ((v = d.get("moreInfo")) != null) {
                irl(v, p.child("moreInfo"));
            }
            if ((v = d.get("extensions")) != null) {
                extensions(v, p.child("extensions"));
            }
            String interactionType = null;
            if ((v = d.get("interactionType")) != null) {
                Path tp = p.child("interactionType");
                interactionType = text(v, tp);
                if (!INTERACTION_TYPES.contains(interactionType)) {
                    throw fail(tp, "must be " + INTERACTION_TYPE_LIST + " (case-sensitive)");
                }
            }
            if ((v = d.get("correctResponsesPattern")) != null) {
                Path cp = p.child("correctResponsesPattern");
                if (interactionType == null) {
                    throw fail(cp, "requires an \"interactionType\" in the same definition");
                }
                requireArray(v, cp);
                for (int i = 0, n = v.size(); i < n; i++) {
                    text(v.get(i), cp.at(i));
                }
            }
            components(d, "choices", interactionType, p);
            components(d, "scale", interactionType, p);
            components(d, "source", interactionType, p);
            components(d, "target", interactionType, p);
            components(d, "steps", interactionType, p);
        }

        private void components(JsonNode d, String list, String interactionType, Path p) {
            JsonNode v = d.get(list);
            if (v == null) {
                return;
            }
            Path lp = p.child(list);
            if (interactionType == null) {
                throw fail(lp, "requires an \"interactionType\" in the same definition");
            }
            if (!componentListAllowed(list, interactionType)) {
                throw fail(lp, "is not allowed with interactionType \"" + interactionType + "\" ("
                        + COMPONENT_LIST_RULE + ")");
            }
            requireArray(v, lp);
            int n = v.size();
            Set<String> ids = n > 1 ? new HashSet<>(n * 2) : null;
            for (int i = 0; i < n; i++) {
                JsonNode c = v.get(i);
                Path cp = lp.at(i);
                requireObject(c, cp);
                checkProperties(c, cp, COMPONENT);
                String id = text(required(c, "id", cp), cp.child("id"));
                if (ids != null && !ids.add(id)) {
                    throw fail(cp.child("id"), "\"" + id + "\" is not unique within " + list
                            + " (interaction component ids must be distinct)");
                }
                JsonNode description = c.get("description");
                if (description != null) {
                    languageMap(description, cp.child("description"));
                }
            }
        }

        private static boolean componentListAllowed(String list, String interactionType) {
            return switch (list) {
                case "choices" -> interactionType.equals("choice") || interactionType.equals("sequencing");
                case "scale" -> interactionType.equals("likert");
                case "source", "target" -> interactionType.equals("matching");
                case "steps" -> interactionType.equals("performance");
                default -> false;
            };
        }

        private void statementRef(JsonNode r, Path p) {
            requireObject(r, p);
            checkProperties(r, p, STATEMENT_REF);
            Path tp = p.child("objectType");
            if (!text(required(r, "objectType", p), tp).equals("StatementRef")) {
                throw fail(tp, "must be \"StatementRef\"");
            }
            uuid(required(r, "id", p), p.child("id"));
        }

        // ------------------------------------------------------------------------------------ result

        private void result(JsonNode r, Path p) {
            requireObject(r, p);
            checkProperties(r, p, RESULT);
            JsonNode v;
            if ((v = r.get("score")) != null) {
                score(v, p.child("score"));
            }
            if ((v = r.get("success")) != null) {
                bool(v, p.child("success"));
            }
            if ((v = r.get("completion")) != null) {
                bool(v, p.child("completion"));
            }
            if ((v = r.get("response")) != null) {
                text(v, p.child("response"));
            }
            if ((v = r.get("duration")) != null) {
                Path dp = p.child("duration");
                if (!Formats.isDuration(text(v, dp))) {
                    throw fail(dp, "must be an ISO 8601 duration such as \"PT1H30M\", \"P1D\", \"PT0.5S\" or \"P1W\"");
                }
            }
            if ((v = r.get("extensions")) != null) {
                extensions(v, p.child("extensions"));
            }
        }

        private void score(JsonNode s, Path p) {
            requireObject(s, p);
            checkProperties(s, p, SCORE);
            JsonNode scaled = s.get("scaled");
            JsonNode raw = s.get("raw");
            JsonNode min = s.get("min");
            JsonNode max = s.get("max");
            if (scaled != null) {
                double value = number(scaled, p.child("scaled"));
                if (value < -1 || value > 1) {
                    throw fail(p.child("scaled"), "must be between -1 and 1 inclusive");
                }
            }
            double rawValue = raw == null ? 0 : number(raw, p.child("raw"));
            double minValue = min == null ? 0 : number(min, p.child("min"));
            double maxValue = max == null ? 0 : number(max, p.child("max"));
            if (min != null && max != null && !(minValue < maxValue)) {
                throw fail(p.child("max"), "must be greater than min");
            }
            if (raw != null && min != null && rawValue < minValue) {
                throw fail(p.child("raw"), "must not be less than min");
            }
            if (raw != null && max != null && rawValue > maxValue) {
                throw fail(p.child("raw"), "must not be greater than max");
            }
        }

        // ----------------------------------------------------------------------------------- context

        private void context(JsonNode c, Path p, Kind objectKind) {
            requireObject(c, p);
            if (!v2) {
                if (c.has("contextAgents")) {
                    throw fail(p.child("contextAgents"),
                            "is only allowed in xAPI 2.0 statements (X-Experience-API-Version 2.0.x)");
                }
                if (c.has("contextGroups")) {
                    throw fail(p.child("contextGroups"),
                            "is only allowed in xAPI 2.0 statements (X-Experience-API-Version 2.0.x)");
                }
            }
            checkProperties(c, p, v2 ? CONTEXT_V2 : CONTEXT_V1);
            JsonNode v;
            if ((v = c.get("registration")) != null) {
                uuid(v, p.child("registration"));
            }
            if ((v = c.get("instructor")) != null) {
                actor(v, p.child("instructor"));
            }
            if ((v = c.get("team")) != null) {
                Path tp = p.child("team");
                requireObject(v, tp);
                JsonNode ot = v.get("objectType");
                if (ot == null || !ot.isString() || !ot.stringValue().equals("Group")) {
                    throw fail(tp, "must be a Group (with \"objectType\": \"Group\")");
                }
                group(v, tp);
            }
            if ((v = c.get("contextActivities")) != null) {
                contextActivities(v, p.child("contextActivities"));
            }
            if ((v = c.get("contextAgents")) != null) {
                contextAgents(v, p.child("contextAgents"));
            }
            if ((v = c.get("contextGroups")) != null) {
                contextGroups(v, p.child("contextGroups"));
            }
            if ((v = c.get("revision")) != null) {
                Path rp = p.child("revision");
                text(v, rp);
                if (objectKind != Kind.ACTIVITY) {
                    throw fail(rp, "must only be used when the statement's object is an Activity");
                }
            }
            if ((v = c.get("platform")) != null) {
                Path pp = p.child("platform");
                text(v, pp);
                if (objectKind != Kind.ACTIVITY) {
                    throw fail(pp, "must only be used when the statement's object is an Activity");
                }
            }
            if ((v = c.get("language")) != null) {
                Path lp = p.child("language");
                if (!Formats.isLanguageTag(text(v, lp))) {
                    throw fail(lp, "must be an RFC 5646 language tag such as \"th-TH\" or \"en\"");
                }
            }
            if ((v = c.get("statement")) != null) {
                statementRef(v, p.child("statement"));
            }
            if ((v = c.get("extensions")) != null) {
                extensions(v, p.child("extensions"));
            }
        }

        private void contextActivities(JsonNode ca, Path p) {
            requireObject(ca, p);
            checkProperties(ca, p, CONTEXT_ACTIVITIES);
            for (Map.Entry<String, JsonNode> e : ca.properties()) {
                Path kp = p.child(e.getKey());
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    for (int i = 0, n = v.size(); i < n; i++) {
                        activity(v.get(i), kp.at(i));
                    }
                } else if (v.isObject()) {
                    activity(v, kp);
                } else {
                    throw fail(kp, "must be an Activity or an array of Activities");
                }
            }
        }

        private void contextAgents(JsonNode list, Path p) {
            requireArray(list, p);
            for (int i = 0, n = list.size(); i < n; i++) {
                JsonNode ca = list.get(i);
                Path cp = p.at(i);
                requireObject(ca, cp);
                checkProperties(ca, cp, CONTEXT_AGENT);
                Path tp = cp.child("objectType");
                if (!text(required(ca, "objectType", cp), tp).equals("contextAgent")) {
                    throw fail(tp, "must be \"contextAgent\"");
                }
                memberAgent(required(ca, "agent", cp), cp.child("agent"),
                        "must be \"Agent\": a contextAgent's agent must be an Agent, not a Group");
                relevantTypes(ca.get("relevantTypes"), cp.child("relevantTypes"));
            }
        }

        private void contextGroups(JsonNode list, Path p) {
            requireArray(list, p);
            for (int i = 0, n = list.size(); i < n; i++) {
                JsonNode cg = list.get(i);
                Path cp = p.at(i);
                requireObject(cg, cp);
                checkProperties(cg, cp, CONTEXT_GROUP);
                Path tp = cp.child("objectType");
                if (!text(required(cg, "objectType", cp), tp).equals("contextGroup")) {
                    throw fail(tp, "must be \"contextGroup\"");
                }
                Path gp = cp.child("group");
                JsonNode g = required(cg, "group", cp);
                requireObject(g, gp);
                JsonNode ot = g.get("objectType");
                if (ot == null || !ot.isString() || !ot.stringValue().equals("Group")) {
                    throw fail(gp, "must be a Group (with \"objectType\": \"Group\")");
                }
                group(g, gp);
                relevantTypes(cg.get("relevantTypes"), cp.child("relevantTypes"));
            }
        }

        private void relevantTypes(JsonNode types, Path p) {
            if (types == null) {
                return;
            }
            requireArray(types, p);
            int n = types.size();
            if (n == 0) {
                throw fail(p, "must contain at least one IRI when present");
            }
            for (int i = 0; i < n; i++) {
                iri(types.get(i), p.at(i));
            }
        }

        // ------------------------------------------------------------------------------- attachments

        private void attachments(JsonNode list, Path p) {
            requireArray(list, p);
            for (int i = 0, n = list.size(); i < n; i++) {
                attachment(list.get(i), p.at(i));
            }
        }

        private void attachment(JsonNode a, Path p) {
            requireObject(a, p);
            checkProperties(a, p, ATTACHMENT);
            String usageType = iri(required(a, "usageType", p), p.child("usageType"));
            languageMap(required(a, "display", p), p.child("display"));
            JsonNode v;
            if ((v = a.get("description")) != null) {
                languageMap(v, p.child("description"));
            }
            Path cp = p.child("contentType");
            String contentType = text(required(a, "contentType", p), cp);
            if (!Formats.isMediaType(contentType)) {
                throw fail(cp, "must be an Internet media type such as \"application/pdf\"");
            }
            Path lp = p.child("length");
            JsonNode length = required(a, "length", p);
            if (!length.isNumber() || !(length.isIntegralNumber() || length.canConvertToExactIntegral())) {
                throw fail(lp, "must be an integer (the attachment's size in octets)");
            }
            if (length.decimalValue().signum() < 0) {
                throw fail(lp, "must not be negative");
            }
            Path sp = p.child("sha2");
            if (!Formats.isSha2Hex(text(required(a, "sha2", p), sp))) {
                throw fail(sp, "must be a hex-encoded SHA-2 hash (e.g. 64 hexadecimal digits for SHA-256)");
            }
            if ((v = a.get("fileUrl")) != null) {
                irl(v, p.child("fileUrl"));
            }
            if (usageType.equals(SIGNATURE_USAGE) && !isOctetStream(contentType)) {
                throw fail(cp, "must be \"application/octet-stream\" for a signature attachment (usageType "
                        + SIGNATURE_USAGE + ")");
            }
        }

        private static boolean isOctetStream(String contentType) {
            int semicolon = contentType.indexOf(';');
            String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
            return type.equalsIgnoreCase("application/octet-stream");
        }

        // ------------------------------------------------------------------------ timestamps & version

        private void timestamp(JsonNode v, Path p) {
            switch (Formats.checkTimestamp(text(v, p))) {
                case Formats.TIMESTAMP_OK -> {
                }
                case Formats.TIMESTAMP_NO_OFFSET -> {
                    if (v2) {
                        throw fail(p, "must include a time zone offset (\"Z\" or \u00b1hh:mm) in xAPI 2.0, e.g. "
                                + "\"2024-05-01T13:45:30.123+07:00\"");
                    }
                }
                case Formats.TIMESTAMP_NEGATIVE_ZERO_OFFSET -> throw fail(p, "must not use a \"-00:00\" offset (an "
                        + "unknown local offset); use \"Z\" or \"+00:00\" for UTC");
                default -> throw fail(p, "must be an ISO 8601 date and time such as "
                        + "\"2024-05-01T13:45:30.123+07:00\"");
            }
        }

        private void version(JsonNode v, Path p) {
            if (!Formats.isAcceptedStatementVersion(text(v, p), v2)) {
                throw fail(p, v2
                        ? "must be an xAPI 1.0.x or 2.0.x version such as \"2.0.0\""
                        : "must be \"1.0\" or start with \"1.0.\" (e.g. \"1.0.0\") in an xAPI 1.0.x request");
            }
        }

        // ---------------------------------------------------------------------------- shared values

        private static void languageMap(JsonNode m, Path p) {
            requireObject(m, p);
            for (Map.Entry<String, JsonNode> e : m.properties()) {
                String tag = e.getKey();
                if (!Formats.isLanguageTag(tag)) {
                    throw fail(p, "key \"" + tag + "\" is not an RFC 5646 language tag (such as \"th-TH\" or \"en\")");
                }
                JsonNode value = e.getValue();
                if (!value.isString()) {
                    throw fail(p.key(tag), value.isNull() ? "must not be null" : "must be a string");
                }
            }
        }

        private static void extensions(JsonNode x, Path p) {
            requireObject(x, p);
            for (String key : x.propertyNames()) {
                if (!Formats.isAbsoluteIri(key)) {
                    throw fail(p, "key \"" + key + "\" must be an absolute IRI");
                }
            }
        }

        private static void uuid(JsonNode v, Path p) {
            if (!Formats.isUuid(text(v, p))) {
                throw fail(p, "must be a UUID in standard form (8-4-4-4-12 hexadecimal digits)");
            }
        }

        private static String iri(JsonNode v, Path p) {
            String s = text(v, p);
            if (!Formats.isAbsoluteIri(s)) {
                throw fail(p, "must be an absolute IRI");
            }
            return s;
        }

        private static void irl(JsonNode v, Path p) {
            if (!Formats.isAbsoluteIri(text(v, p))) {
                throw fail(p, "must be an absolute IRL");
            }
        }

        // --------------------------------------------------------------------------- JSON plumbing

        /** Rejects properties outside the shape and null values, in document order. */
        private static void checkProperties(JsonNode o, Path p, Shape shape) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                String key = e.getKey();
                if (!shape.keys.contains(key)) {
                    throw unknownProperty(p, key, shape);
                }
                if (e.getValue().isNull()) {
                    throw fail(p.child(key), "must not be null");
                }
            }
        }

        private static StatementValidationException unknownProperty(Path p, String key, Shape shape) {
            StringBuilder rule = new StringBuilder("is not allowed: ").append(shape.what)
                    .append(" may only have ").append(shape.listing);
            for (String allowed : shape.ordered) {
                if (allowed.equalsIgnoreCase(key)) {
                    rule.append(" (did you mean \"").append(allowed).append("\"? property names are case-sensitive)");
                    break;
                }
            }
            if (shape == ACTIVITY && IFI_OR_MEMBER.contains(key)) {
                rule.append(" (an object without \"objectType\" is an Activity; an Agent or Group used as the object "
                        + "must have \"objectType\")");
            } else if (shape == AGENT && key.equals("member")) {
                rule.append(" (a Group must have \"objectType\": \"Group\")");
            }
            return fail(p.child(key), rule.toString());
        }

        private static JsonNode required(JsonNode o, String key, Path p) {
            JsonNode v = o.get(key);
            if (v == null) {
                throw fail(p.child(key), "is required");
            }
            if (v.isNull()) {
                throw fail(p.child(key), "must not be null");
            }
            return v;
        }

        private static void requireObject(JsonNode v, Path p) {
            if (!v.isObject()) {
                throw fail(p, v.isNull() ? "must not be null" : "must be a JSON object");
            }
        }

        private static void requireArray(JsonNode v, Path p) {
            if (!v.isArray()) {
                throw fail(p, v.isNull() ? "must not be null" : "must be a JSON array");
            }
        }

        private static String text(JsonNode v, Path p) {
            if (!v.isString()) {
                throw fail(p, v.isNull() ? "must not be null" : "must be a string");
            }
            return v.stringValue();
        }

        private static void bool(JsonNode v, Path p) {
            if (!v.isBoolean()) {
                throw fail(p, v.isNull() ? "must not be null" : "must be a boolean (true or false)");
            }
        }

        private static double number(JsonNode v, Path p) {
            if (!v.isNumber()) {
                throw fail(p, v.isNull() ? "must not be null" : "must be a number");
            }
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw fail(p, "must be a finite number");
            }
            return d;
        }
    }
}
