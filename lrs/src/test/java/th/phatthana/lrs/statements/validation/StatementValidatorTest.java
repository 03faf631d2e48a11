package th.phatthana.lrs.statements.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.phatthana.lrs.statements.validation.XapiVersion.V1_0_3;
import static th.phatthana.lrs.statements.validation.XapiVersion.V2_0_0;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StatementValidatorTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final StatementValidator VALIDATOR = new StatementValidator();

    /** JSON with single quotes for readability (none of the test texts contain an apostrophe). */
    static JsonNode json(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    static ObjectNode statement(String text) {
        return (ObjectNode) json(text);
    }

    /** Every statement property, valid in xAPI 1.0.3 and 2.0, with Thai text and Thai IRIs. */
    static final String FULL = """
            {
              'id': 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
              'actor': {'objectType': 'Agent', 'name': 'สมชาย ใจดี', 'mbox': 'mailto:somchai@example.go.th'},
              'verb': {'id': 'http://adlnet.gov/expapi/verbs/answered', 'display': {'en-US': 'answered', 'th-TH': 'ตอบ'}},
              'object': {
                'objectType': 'Activity',
                'id': 'https://lms.example.go.th/กิจกรรม/แบบทดสอบ-1/ข้อ-1',
                'definition': {
                  'name': {'th-TH': 'ข้อที่ 1', 'en': 'Question 1'},
                  'description': {'th-TH': 'เลือกคำตอบที่ถูกต้อง'},
                  'type': 'http://adlnet.gov/expapi/activities/cmi.interaction',
                  'moreInfo': 'https://lms.example.go.th/ช่วยเหลือ',
                  'interactionType': 'choice',
                  'correctResponsesPattern': ['a[,]b'],
                  'choices': [{'id': 'a', 'description': {'th-TH': 'ก'}}, {'id': 'b', 'description': {'th-TH': 'ข'}}],
                  'extensions': {'https://example.go.th/xapi/ext/ความยาก': 3}
                }
              },
              'result': {
                'score': {'scaled': 0.8, 'raw': 8, 'min': 0, 'max': 10},
                'success': true, 'completion': true, 'response': 'a[,]b', 'duration': 'PT1M30.5S',
                'extensions': {'https://example.go.th/xapi/ext/attempt': null}
              },
              'context': {
                'registration': 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
                'instructor': {'name': 'ครูสมศรี', 'account': {'homePage': 'https://lms.example.go.th', 'name': 'ครู-42'}},
                'team': {'objectType': 'Group', 'name': 'ทีม ก',
                         'member': [{'mbox_sha1sum': 'cd9b00a5611f94eaa7b1661edab976068e364975'}]},
                'contextActivities': {
                  'parent': [{'id': 'https://lms.example.go.th/quiz-1'}],
                  'grouping': {'objectType': 'Activity', 'id': 'https://lms.example.go.th/course-1'},
                  'category': [{'id': 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
                                'definition': {'type': 'http://adlnet.gov/expapi/activities/profile'}}],
                  'other': []
                },
                'revision': 'r2', 'platform': 'Moodle', 'language': 'th-TH',
                'statement': {'objectType': 'StatementRef', 'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'},
                'extensions': {'https://example.go.th/xapi/ext/session': {'seat': 12, 'notes': [null, 'x']}}
              },
              'timestamp': '2024-05-01T13:45:30.123+07:00',
              'stored': '2024-05-01T06:45:31.000Z',
              'authority': {'objectType': 'Agent', 'name': 'LMS',
                            'account': {'homePage': 'https://lrs.example.go.th', 'name': 'client-1'}},
              'version': '1.0.0',
              'attachments': [{
                'usageType': 'http://id.tincanapi.com/attachment/certificate-of-completion',
                'display': {'th-TH': 'ใบประกาศนียบัตร'}, 'description': {'en-US': 'Certificate'},
                'contentType': 'application/pdf', 'length': 12345,
                'sha2': '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
                'fileUrl': 'https://files.example.go.th/ใบประกาศ.pdf'
              }]
            }
            """;

    /** The smallest valid statement. */
    static final String MINIMAL = """
            {'actor': {'mbox': 'mailto:xapi@adlnet.gov'},
             'verb': {'id': 'http://adlnet.gov/expapi/verbs/created'},
             'object': {'id': 'http://example.adlnet.gov/xapi/example/activity'}}
            """;

    static final String CONTEXT_AGENTS = """
            [{'objectType': 'contextAgent',
              'agent': {'objectType': 'Agent', 'mbox': 'mailto:player-1@example.com'},
              'relevantTypes': ['https://example.com/xapi/activity-types/position/quarterback']},
             {'objectType': 'contextAgent', 'agent': {'account': {'homePage': 'https://example.com', 'name': 'p2'}}}]
            """;

    static final String CONTEXT_GROUPS = """
            [{'objectType': 'contextGroup',
              'group': {'objectType': 'Group', 'mbox': 'mailto:team-1@example.com',
                        'member': [{'objectType': 'Agent', 'mbox': 'mailto:player-1@example.com'}]},
              'relevantTypes': ['https://example.com/xapi/activity-types/team/a']},
             {'objectType': 'contextGroup',
              'group': {'objectType': 'Group', 'member': [{'mbox': 'mailto:player-3@example.com'}]}}]
            """;

    static ObjectNode full() {
        return statement(FULL);
    }

    static ObjectNode full20() {
        ObjectNode s = full();
        ObjectNode context = (ObjectNode) s.get("context");
        context.set("contextAgents", json(CONTEXT_AGENTS));
        context.set("contextGroups", json(CONTEXT_GROUPS));
        s.put("version", "2.0.0");
        return s;
    }

    static void assertValid(JsonNode statement, XapiVersion version) {
        assertDoesNotThrow(() -> VALIDATOR.validate(statement, version), () -> statement.toString());
    }

    /** Asserts a rejection at exactly {@code path}, with a message containing {@code ruleFragment} if given. */
    static StatementValidationException assertRejected(JsonNode statement, XapiVersion version, String path,
            String ruleFragment) {
        StatementValidationException e = assertThrows(StatementValidationException.class,
                () -> VALIDATOR.validate(statement, version), () -> "accepted: " + statement);
        assertEquals(path, e.path(), () -> "message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(path + ": "), e::getMessage);
        if (ruleFragment != null) {
            assertTrue(e.getMessage().contains(ruleFragment), () -> "message: " + e.getMessage());
        }
        return e;
    }

    // ----------------------------------------------------------------------------------- mutation helpers

    /**
     * Sets (or with a null {@code value}, removes) the property at a dotted path such as
     * {@code context.contextActivities.parent[0].id}, creating missing objects on the way.
     */
    static ObjectNode with(ObjectNode statement, String path, String value) {
        String[] segments = path.split("\\.");
        JsonNode node = statement;
        for (int i = 0; i < segments.length - 1; i++) {
            node = step(node, segments[i]);
        }
        String last = segments[segments.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            ArrayNode array = (ArrayNode) step(node, last.substring(0, bracket));
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, json(value));
            }
        } else if (value == null) {
            ((ObjectNode) node).remove(last);
        } else {
            ((ObjectNode) node).set(last, json(value));
        }
        return statement;
    }

    private static JsonNode step(JsonNode node, String segment) {
        int bracket = segment.indexOf('[');
        String name = bracket < 0 ? segment : segment.substring(0, bracket);
        JsonNode next = node.get(name);
        if (next == null) {
            next = ((ObjectNode) node).putObject(name);
        }
        if (bracket >= 0) {
            next = next.get(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
        }
        return next;
    }

    /** One rejected mutation of {@link #FULL} (or of {@code base} when given). */
    record Case(String name, XapiVersion version, String base, String[] edits, String path, String rule) {
        ObjectNode build() {
            ObjectNode s = base == null ? (version == V2_0_0 ? full20() : full()) : statement(base);
            for (int i = 0; i < edits.length; i += 2) {
                with(s, edits[i], edits[i + 1]);
            }
            return s;
        }

        @Override
        public String toString() {
            return name + " [" + version + "]";
        }
    }

    static Arguments rejects(String name, String path, String rule, String... edits) {
        return Arguments.of(new Case(name, V1_0_3, null, edits, path, rule));
    }

    static Arguments rejects20(String name, String path, String rule, String... edits) {
        return Arguments.of(new Case(name, V2_0_0, null, edits, path, rule));
    }

    static Arguments rejectsMinimal(String name, String path, String rule, String... edits) {
        return Arguments.of(new Case(name, V1_0_3, MINIMAL, edits, path, rule));
    }

    // ============================================================================================ valid

    @Nested
    class Valid {

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void minimalStatement(XapiVersion version) {
            assertValid(statement(MINIMAL), version);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void statementUsingEveryProperty(XapiVersion version) {
            assertValid(full(), version);
        }

        @Test
        void statementUsingEveryPropertyOf20() {
            assertValid(full20(), V2_0_0);
        }

        @Test
        void specificationExampleStatement() {
            assertValid(statement("""
                    {'id': '12345678-1234-5678-1234-567812345678',
                     'actor': {'mbox': 'mailto:xapi@adlnet.gov'},
                     'verb': {'id': 'http://adlnet.gov/expapi/verbs/created', 'display': {'en-US': 'created'}},
                     'object': {'id': 'http://example.adlnet.gov/xapi/example/activity'}}
                    """), V1_0_3);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void thaiEverywhere(XapiVersion version) {
            assertValid(statement("""
                    {'actor': {'name': 'นางสาว สมหญิง รักเรียน', 'mbox': 'mailto:สมหญิง@ตัวอย่าง.ไทย'},
                     'verb': {'id': 'https://ตัวอย่าง.ไทย/xapi/verbs/เรียนจบ',
                              'display': {'th-TH': 'เรียนจบ', 'th': 'เรียนจบแล้ว', 'en-US': 'completed'}},
                     'object': {'id': 'https://ตัวอย่าง.ไทย/หลักสูตร/การเงินท้องถิ่น',
                                'definition': {'name': {'th-TH': 'การเงินการคลังท้องถิ่น'},
                                               'description': {'th-TH': 'หลักสูตรสำหรับเจ้าหน้าที่ อปท.'},
                                               'extensions': {'https://ตัวอย่าง.ไทย/ส่วนขยาย/ระดับ': 'ต้น'}}},
                     'result': {'response': 'ผ่าน', 'duration': 'PT2H'},
                     'context': {'language': 'th-TH', 'platform': 'ระบบอบรมออนไลน์'},
                     'timestamp': '2024-05-01T09:00:00+07:00'}
                    """), version);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{'objectType': 'Agent', 'account': {'homePage': 'http://example.com', 'name': '1625378'}}",
            "{'openid': 'http://openid.example.org/12345'}",
            "{'mbox_sha1sum': 'CD9B00A5611F94EAA7B1661EDAB976068E364975'}",
            "{'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}, {'openid': 'https://id.example.com/b'}]}",
            "{'objectType': 'Group', 'name': 'Identified', 'mbox': 'mailto:group@example.com'}",
            "{'objectType': 'Group', 'account': {'homePage': 'https://example.com', 'name': 'g'}, 'member': []}",
            "{'objectType': 'Group', 'openid': 'https://id.example.com/g', 'member': [{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}]}",
            "{'account': {'homePage': 'https://example.com', 'name': ''}}"})
        void actors(String actor) {
            assertValid(with(statement(MINIMAL), "actor", actor), V1_0_3);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{'objectType': 'Agent', 'mbox': 'mailto:someone@example.com'}",
            "{'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}]}",
            "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}",
            "{'objectType': 'SubStatement', 'actor': {'mbox': 'mailto:test@example.com'}, 'verb': {'id': 'http://example.com/visited', 'display': {'en-US': 'will visit'}}, 'object': {'objectType': 'Activity', 'id': 'http://example.com/website', 'definition': {'name': {'en-US': 'Some Awesome Website'}}}}",
            "{'objectType': 'SubStatement', 'actor': {'mbox': 'mailto:test@example.com'}, 'verb': {'id': 'http://example.com/planned'}, 'object': {'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}, 'result': {'success': true}, 'context': {'language': 'th'}, 'timestamp': '2999-01-01T00:00:00Z', 'attachments': []}",
            "{'id': 'http://example.com/activity'}",
            "{'objectType': 'Activity', 'id': 'http://example.com/activity', 'definition': {}}"})
        void objects(String object) {
            assertValid(with(statement(MINIMAL), "object", object), V1_0_3);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{'interactionType': 'true-false', 'correctResponsesPattern': ['true']}",
            "{'interactionType': 'choice', 'correctResponsesPattern': ['golf[,]tetris'], 'choices': [{'id': 'golf'}, {'id': 'tetris', 'description': {'en-US': 'Tetris'}}]}",
            "{'interactionType': 'fill-in', 'correctResponsesPattern': ['{case_matters=false}{lang=en}To store and provide access to learning experiences.']}",
            "{'interactionType': 'long-fill-in', 'correctResponsesPattern': ['{lang=th}ข้อความยาว']}",
            "{'interactionType': 'likert', 'correctResponsesPattern': ['likert_3'], 'scale': [{'id': 'likert_0', 'description': {'th-TH': 'ไม่เห็นด้วยอย่างยิ่ง'}}, {'id': 'likert_3'}]}",
            "{'interactionType': 'matching', 'correctResponsesPattern': ['ben[.]3[,]chris[.]2'], 'source': [{'id': 'ben'}, {'id': 'chris'}], 'target': [{'id': '2'}, {'id': '3'}]}",
            "{'interactionType': 'performance', 'correctResponsesPattern': ['pong[.]1:[,]dg[.]:10'], 'steps': [{'id': 'pong'}, {'id': 'dg'}]}",
            "{'interactionType': 'sequencing', 'correctResponsesPattern': ['tim[,]mike'], 'choices': [{'id': 'tim'}, {'id': 'mike'}]}",
            "{'interactionType': 'numeric', 'correctResponsesPattern': ['4[:]']}",
            "{'interactionType': 'other', 'correctResponsesPattern': ['(35.937432,-86.868896)']}",
            "{'interactionType': 'choice'}",
            "{'interactionType': 'choice', 'choices': [], 'correctResponsesPattern': []}",
            "{'interactionType': 'matching', 'source': [{'id': 'a'}], 'target': [{'id': 'a'}]}"})
        void interactionActivities(String definition) {
            ObjectNode s = with(statement(MINIMAL), "object.definition", definition);
            with(s, "object.definition.type", "'http://adlnet.gov/expapi/activities/cmi.interaction'");
            assertValid(s, V1_0_3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"'2024-05-01T13:45:30.123+07:00'", "'2024-05-01T06:45:30Z'",
            "'2008-09-15T15:53:00.601+00:00'", "'20240501T064530Z'", "'2024-05-01T13:45:30.123456789+0700'",
            "'2999-12-31T23:59:59Z'"})
        void timestampsInBothVersions(String timestamp) {
            for (XapiVersion version : XapiVersion.values()) {
                assertValid(with(statement(MINIMAL), "timestamp", timestamp), version);
                assertValid(with(statement(MINIMAL), "stored", timestamp), version);
            }
        }

        @Test
        void timestampWithoutOffsetIsAcceptedIn103() {
            assertValid(with(statement(MINIMAL), "timestamp", "'2024-05-01T13:45:30.123'"), V1_0_3);
            assertValid(with(statement(MINIMAL), "stored", "'2024-05-01T13:45:30'"), V1_0_3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"'PT1H30M'", "'P1D'", "'PT0.5S'", "'P1W'", "'P3Y1M29DT4H35M59.14S'", "'PT16559.14S'",
            "'PT0S'"})
        void durations(String duration) {
            assertValid(with(statement(MINIMAL), "result.duration", duration), V1_0_3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"'1.0'", "'1.0.0'", "'1.0.3'", "'1.0.9'"})
        void versionsIn103(String version) {
            assertValid(with(statement(MINIMAL), "version", version), V1_0_3);
            assertValid(with(statement(MINIMAL), "version", version), V2_0_0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"'2.0'", "'2.0.0'"})
        void versionsIn20(String version) {
            assertValid(with(statement(MINIMAL), "version", version), V2_0_0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{'scaled': 1}", "{'scaled': -1}", "{'scaled': 0}", "{'raw': -5}", "{'min': -10, 'max': -5}",
            "{'raw': 0, 'min': 0, 'max': 0.5}", "{'raw': 100, 'min': 0, 'max': 100}", "{'raw': 1e3, 'max': 1000}",
            "{'raw': 12345678901234567890}", "{}"})
        void scores(String score) {
            assertValid(with(statement(MINIMAL), "result.score", score), V1_0_3);
        }

        @Test
        void extensionValuesMayBeAnythingIncludingNull() {
            ObjectNode s = statement(MINIMAL);
            with(s, "result.extensions", "{'http://example.com/a': null, 'http://example.com/b': '', "
                    + "'http://example.com/c': {}, 'http://example.com/d': [null, {'x': null}], "
                    + "'http://example.com/e': false, 'http://example.com/f': 1.5}");
            with(s, "context.extensions", "{}");
            with(s, "object.definition.extensions", "{'urn:example:null': null}");
            assertValid(s, V1_0_3);
        }

        @Test
        void contextActivitiesMayBeSingleActivitiesOrArrays() {
            ObjectNode s = statement(MINIMAL);
            with(s, "context.contextActivities", "{'parent': {'id': 'http://example.com/p'}, "
                    + "'grouping': [{'id': 'http://example.com/g1'}, {'objectType': 'Activity', 'id': 'http://example.com/g2'}], "
                    + "'category': [], 'other': {'id': 'http://example.com/o', 'definition': {'name': {'th': 'อื่น'}}}}");
            assertValid(s, V1_0_3);
        }

        @Test
        void platformAndRevisionWithAnActivityObjectWithoutObjectType() {
            ObjectNode s = with(statement(MINIMAL), "context", "{'revision': '1', 'platform': 'Example'}");
            assertValid(s, V1_0_3);
        }

        @Test
        void voidingStatement() {
            ObjectNode s = with(statement(MINIMAL), "verb", "{'id': 'http://adlnet.gov/expapi/verbs/voided', "
                    + "'display': {'en-US': 'voided'}}");
            with(s, "object", "{'objectType': 'StatementRef', 'id': 'e05aa883-acaf-40ad-bf54-02c8ce485fb0'}");
            assertValid(s, V1_0_3);
        }

        @Test
        void oauthGroupAuthority() {
            ObjectNode s = with(statement(MINIMAL), "authority", """
                    {'objectType': 'Group', 'member': [
                      {'account': {'homePage': 'http://example.com/xAPI/OAuth/Token', 'name': 'oauth_consumer_x75db'}},
                      {'mbox': 'mailto:bob@example.com'}]}
                    """);
            assertValid(s, V1_0_3);
            assertValid(s, V2_0_0);
        }

        @Test
        void signatureAttachment() {
            ObjectNode s = with(statement(MINIMAL), "attachments", """
                    [{'usageType': 'http://adlnet.gov/expapi/attachments/signature', 'display': {'en-US': 'Signature'},
                      'contentType': 'application/octet-stream', 'length': 4235,
                      'sha2': '672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634'}]
                    """);
            assertValid(s, V1_0_3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "12.0", "99999999999999999999"})
        void attachmentLengths(String length) {
            ObjectNode s = full();
            with(s, "attachments[0].length", length);
            assertValid(s, V1_0_3);
        }

        @Test
        void uppercaseAndNilUuids() {
            ObjectNode s = with(statement(MINIMAL), "id", "'FD41C918-B88B-4B20-A0A5-A4C32391AAA0'");
            with(s, "context.registration", "'00000000-0000-0000-0000-000000000000'");
            assertValid(s, V1_0_3);
        }

        @Test
        void statementsFromTheSpecificationAppendix() {
            assertValid(statement("""
                    {'id': 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0', 'timestamp': '2015-11-18T12:17:00+00:00',
                     'actor': {'objectType': 'Agent', 'name': 'Project Tin Can API', 'mbox': 'mailto:user@example.com'},
                     'verb': {'id': 'http://example.com/xapi/verbs#sent-a-statement', 'display': {'en-US': 'sent'}},
                     'object': {'id': 'http://example.com/xapi/activity/simplestatement',
                       'definition': {'name': {'en-US': 'simple statement'},
                         'description': {'en-US': 'A simple Experience API statement. Note that the LRS does not need to have any prior information about the Actor (learner), the verb, or the Activity/object.'}}}}
                    """), V1_0_3);
            assertValid(statement("""
                    {'actor': {'name': 'Team PB', 'mbox': 'mailto:teampb@example.com',
                       'member': [{'name': 'Andrew Downes', 'account': {'homePage': 'http://www.example.com', 'name': '13936749'}, 'objectType': 'Agent'},
                                  {'name': 'Toby Nichols', 'openid': 'http://toby.openid.example.org/', 'objectType': 'Agent'},
                                  {'name': 'Ena Hills', 'mbox_sha1sum': 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9', 'objectType': 'Agent'}],
                       'objectType': 'Group'},
                     'verb': {'id': 'http://adlnet.gov/expapi/verbs/attended', 'display': {'en-GB': 'attended', 'en-US': 'attended'}},
                     'result': {'extensions': {'http://example.com/profiles/meetings/resultextensions/minuteslocation': 'X:\\\\meetings\\\\minutes\\\\examplemeeting.one'},
                                'success': true, 'completion': true, 'response': 'We agreed on some example actions.', 'duration': 'PT1H0M0S'},
                     'context': {'registration': 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
                       'contextActivities': {'parent': [{'id': 'http://www.example.com/meetings/series/267', 'objectType': 'Activity'}],
                         'category': [{'id': 'http://www.example.com/meetings/categories/teammeeting', 'objectType': 'Activity',
                           'definition': {'name': {'en': 'team meeting'}, 'description': {'en': 'A category of meeting used for regular team meetings.'},
                                          'type': 'http://example.com/expapi/activities/meetingcategory'}}],
                         'other': [{'id': 'http://www.example.com/meetings/occurances/34257', 'objectType': 'Activity'},
                                   {'id': 'http://www.example.com/meetings/occurances/3425567', 'objectType': 'Activity'}]},
                       'instructor': {'name': 'Andrew Downes', 'account': {'homePage': 'http://www.example.com', 'name': '13936749'}, 'objectType': 'Agent'},
                       'team': {'name': 'Team PB', 'mbox': 'mailto:teampb@example.com', 'objectType': 'Group'},
                       'platform': 'Example virtual meeting software', 'language': 'tlh',
                       'statement': {'objectType': 'StatementRef', 'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'}},
                     'timestamp': '2013-05-18T05:32:34.804+00:00', 'stored': '2013-05-18T05:32:34.804+00:00',
                     'authority': {'account': {'homePage': 'http://cloud.scorm.com/', 'name': 'anonymous'}, 'objectType': 'Agent'},
                     'version': '1.0.0',
                     'object': {'id': 'http://www.example.com/meetings/occurances/34534',
                       'definition': {'extensions': {'http://example.com/profiles/meetings/activitydefinitionextensions/room': {'name': 'Kilby', 'id': 'http://example.com/rooms/342'}},
                         'name': {'en-GB': 'example meeting', 'en-US': 'example meeting'},
                         'description': {'en-GB': 'An example meeting that happened on a specific occasion with certain people present.',
                                         'en-US': 'An example meeting that happened on a specific occasion with certain people present.'},
                         'type': 'http://adlnet.gov/expapi/activities/meeting', 'moreInfo': 'http://virtualmeeting.example.com/345256'},
                       'objectType': 'Activity'}}
                    """), V1_0_3);
        }
    }

    // ========================================================================================== rejected

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedStatements")
    void rejects(Case c) {
        assertRejected(c.build(), c.version(), c.path(), c.rule());
    }

    static Stream<Arguments> rejectedStatements() {
        List<Arguments> cases = new ArrayList<>();

        // --- statement structure
        cases.add(rejects("unknown top-level property", "statement.foo", "is not allowed: a Statement may only have",
                "foo", "1"));
        cases.add(rejects("top-level objectType", "statement.objectType", "is not allowed", "objectType", "'Statement'"));
        cases.add(rejects("wrong-case property name", "statement.Actor", "did you mean \"actor\"", "Actor",
                "{'mbox': 'mailto:a@example.com'}"));
        cases.add(rejects("wrong-case id", "statement.iD", "is not allowed", "iD",
                "'5c97ee38-9a09-4d15-944c-2fee280f9063'"));
        for (String property : new String[] {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
            "authority", "version", "attachments"}) {
            cases.add(rejects(property + " null", "statement." + property, "must not be null", property, "null"));
        }
        for (String property : new String[] {"actor", "verb", "object"}) {
            cases.add(rejects(property + " missing", "statement." + property, "is required", property, null));
        }

        // --- id
        cases.add(rejects("id numeric", "statement.id", "must be a string", "id", "12345"));
        cases.add(rejects("id object", "statement.id", "must be a string", "id", "{'key': 'value'}"));
        cases.add(rejects("id empty", "statement.id", "must be a UUID", "id", "''"));
        cases.add(rejects("id too many digits", "statement.id", "must be a UUID", "id",
                "'fd41c918-b88b-4b20-a0a5-a4c32391aaa00'"));
        cases.add(rejects("id non-hex", "statement.id", "must be a UUID", "id", "'fd41c918-b88b-4b20-a0a5-a4c32391aaaz'"));
        cases.add(rejects("id without hyphens", "statement.id", "must be a UUID", "id",
                "'fd41c918b88b4b20a0a5a4c32391aaa0'"));

        // --- actor as Agent
        cases.add(rejects("mbox without mailto", "statement.actor.mbox", "must be a \"mailto:\" IRI", "actor.mbox",
                "'somchai@example.go.th'"));
        cases.add(rejects("mbox without address", "statement.actor.mbox", "must be a \"mailto:\" IRI", "actor.mbox",
                "'mailto:somchai'"));
        cases.add(rejects("mbox numeric", "statement.actor.mbox", "must be a string", "actor.mbox", "42"));
        cases.add(rejects("mbox_sha1sum too short", "statement.actor.mbox_sha1sum", "40 hexadecimal digits",
                "actor", "{'mbox_sha1sum': 'cd9b00a5611f94eaa7b1661edab976068e36497'}"));
        cases.add(rejects("mbox_sha1sum not hex", "statement.actor.mbox_sha1sum", "SHA-1",
                "actor", "{'mbox_sha1sum': 'xd9b00a5611f94eaa7b1661edab976068e364975'}"));
        cases.add(rejects("openid without scheme", "statement.actor.openid", "must be an absolute URI",
                "actor", "{'openid': 'open.id.com/testUser'}"));
        cases.add(rejects("account homePage missing", "statement.actor.account.homePage", "is required",
                "actor", "{'account': {'name': 'x'}}"));
        cases.add(rejects("account name missing", "statement.actor.account.name", "is required",
                "actor", "{'account': {'homePage': 'http://example.com'}}"));
        cases.add(rejects("account homePage without scheme", "statement.actor.account.homePage",
                "must be an absolute IRL", "actor", "{'account': {'homePage': 'homePage.com/testUser', 'name': '1'}}"));
        cases.add(rejects("account name numeric", "statement.actor.account.name", "must be a string",
                "actor", "{'account': {'homePage': 'http://example.com', 'name': 123456}}"));
        cases.add(rejects("account extra property", "statement.actor.account.id", "an account may only have",
                "actor", "{'account': {'homePage': 'http://example.com', 'name': 'a', 'id': 'b'}}"));
        cases.add(rejects("account not an object", "statement.actor.account", "must be a JSON object",
                "actor", "{'account': 'http://example.com/a'}"));
        cases.add(rejects("account null", "statement.actor.account", "must not be null",
                "actor", "{'account': null}"));
        cases.add(rejects("agent with two IFIs", "statement.actor", "found mbox, openid", "actor",
                "{'mbox': 'mailto:a@example.com', 'openid': 'http://openid.example.com/a'}"));
        cases.add(rejects("agent with all IFIs", "statement.actor", "found mbox, mbox_sha1sum, openid, account",
                "actor", "{'mbox': 'mailto:a@example.com', 'openid': 'http://openid.example.com/a', "
                        + "'mbox_sha1sum': 'cd9b00a5611f94eaa7b1661edab976068e364975', "
                        + "'account': {'homePage': 'http://example.com', 'name': 'a'}}"));
        cases.add(rejects("agent without IFI", "statement.actor", "found none", "actor",
                "{'objectType': 'Agent', 'name': 'nobody'}"));
        cases.add(rejects("agent name numeric", "statement.actor.name", "must be a string", "actor.name", "1"));
        cases.add(rejects("agent name null", "statement.actor.name", "must not be null", "actor.name", "null"));
        cases.add(rejects("objectType lowercase", "statement.actor.objectType", "must be \"Agent\" or \"Group\"",
                "actor.objectType", "'agent'"));
        cases.add(rejects("objectType numeric", "statement.actor.objectType", "must be a string",
                "actor.objectType", "1"));
        cases.add(rejects("unknown agent property", "statement.actor.age", "an Agent may only have",
                "actor.age", "30"));
        cases.add(rejects("member on an Agent", "statement.actor.member", "a Group must have \"objectType\"",
                "actor", "{'member': [{'mbox': 'mailto:a@example.com'}]}"));
        cases.add(rejects("actor not an object", "statement.actor", "must be a JSON object", "actor",
                "'mailto:a@example.com'"));
        cases.add(rejects("actor array", "statement.actor", "must be a JSON object", "actor",
                "[{'mbox': 'mailto:a@example.com'}]"));

        // --- actor as Group
        cases.add(rejects("anonymous group without member", "statement.actor.member", "anonymous Group",
                "actor", "{'objectType': 'Group', 'name': 'Group Anonymous'}"));
        cases.add(rejects("anonymous group with empty member", "statement.actor.member", "at least one Agent",
                "actor", "{'objectType': 'Group', 'member': []}"));
        cases.add(rejects("group member not an array", "statement.actor.member", "must be a JSON array",
                "actor", "{'objectType': 'Group', 'member': {'mbox': 'mailto:a@example.com'}}"));
        cases.add(rejects("group containing a group", "statement.actor.member[1].objectType",
                "a Group member must be an Agent, not a Group", "actor", "{'objectType': 'Group', 'member': ["
                        + "{'mbox': 'mailto:a@example.com'}, {'objectType': 'Group', 'mbox': 'mailto:g@example.com'}]}"));
        cases.add(rejects("identified group containing a group", "statement.actor.member[0].objectType",
                "not a Group", "actor", "{'objectType': 'Group', 'mbox': 'mailto:g@example.com', 'member': ["
                        + "{'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}]}]}"));
        cases.add(rejects("group member without IFI", "statement.actor.member[0]", "found none",
                "actor", "{'objectType': 'Group', 'member': [{'name': 'x'}]}"));
        cases.add(rejects("group member with bad mbox", "statement.actor.member[0].mbox", "mailto",
                "actor", "{'objectType': 'Group', 'member': [{'mbox': 'a@example.com'}]}"));
        cases.add(rejects("group member null", "statement.actor.member[0]", "must not be null",
                "actor", "{'objectType': 'Group', 'member': [null]}"));
        cases.add(rejects("group member wrong objectType", "statement.actor.member[0].objectType", "must be \"Agent\"",
                "actor", "{'objectType': 'Group', 'member': [{'objectType': 'Person', 'mbox': 'mailto:a@example.com'}]}"));
        cases.add(rejects("identified group with two IFIs", "statement.actor", "identified Group", "actor",
                "{'objectType': 'Group', 'mbox': 'mailto:g@example.com', 'openid': 'http://openid.example.com/g'}"));
        cases.add(rejects("group with bad account", "statement.actor.account.homePage", "is required",
                "actor", "{'objectType': 'Group', 'account': {'name': 'g'}}"));
        cases.add(rejects("group objectType wrong case", "statement.actor.objectType", "(case-sensitive)",
                "actor", "{'objectType': 'group', 'member': [{'mbox': 'mailto:a@example.com'}]}"));

        // --- verb
        cases.add(rejects("verb without id", "statement.verb.id", "is required", "verb", "{'display': {'en': 'x'}}"));
        cases.add(rejects("verb id without scheme", "statement.verb.id", "must be an absolute IRI", "verb.id",
                "'adlnet.gov/expapi/verbs/attended'"));
        cases.add(rejects("verb id empty", "statement.verb.id", "must be an absolute IRI", "verb.id", "''"));
        cases.add(rejects("verb id with spaces", "statement.verb.id", "must be an absolute IRI", "verb.id",
                "'http://example.com/my verb'"));
        cases.add(rejects("verb id numeric", "statement.verb.id", "must be a string", "verb.id", "5"));
        cases.add(rejects("verb display not a map", "statement.verb.display", "must be a JSON object",
                "verb.display", "'answered'"));
        cases.add(rejects("verb display invalid language", "statement.verb.display",
                "key \"en_US\" is not an RFC 5646 language tag", "verb.display", "{'en_US': 'answered'}"));
        cases.add(rejects("verb display invalid language a12345", "statement.verb.display", "\"a12345\"",
                "verb.display", "{'a12345': 'attended'}"));
        cases.add(rejects("verb display value numeric", "statement.verb.display[\"th-TH\"]", "must be a string",
                "verb.display", "{'th-TH': 1}"));
        cases.add(rejects("verb display value null", "statement.verb.display[\"th-TH\"]", "must not be null",
                "verb.display", "{'th-TH': null}"));
        cases.add(rejects("verb unknown property", "statement.verb.name", "a Verb may only have id, display",
                "verb.name", "'x'"));
        cases.add(rejects("verb not an object", "statement.verb", "must be a JSON object", "verb",
                "'http://adlnet.gov/expapi/verbs/attended'"));

        // --- object: Activity
        cases.add(rejects("object objectType wrong case", "statement.object.objectType", "(case-sensitive)",
                "object.objectType", "'activity'"));
        cases.add(rejects("object objectType unknown", "statement.object.objectType", "SubStatement",
                "object.objectType", "'Statement'"));
        cases.add(rejects("activity without id", "statement.object.id", "is required", "object.id", null));
        cases.add(rejects("activity id without scheme", "statement.object.id", "must be an absolute IRI",
                "object.id", "'www.example.com/meetings/occurances/34534'"));
        cases.add(rejects("activity id relative", "statement.object.id", "must be an absolute IRI",
                "object.id", "'/activities/1'"));
        cases.add(rejects("activity unknown property", "statement.object.name", "an Activity may only have",
                "object.name", "{'en': 'x'}"));
        cases.add(rejects("agent object without objectType", "statement.object.mbox", "must have \"objectType\"",
                "object", "{'mbox': 'mailto:a@example.com'}"));
        cases.add(rejects("group object without objectType", "statement.object.member", "must have \"objectType\"",
                "object", "{'member': [{'mbox': 'mailto:a@example.com'}]}"));
        cases.add(rejects("object not an object", "statement.object", "must be a JSON object",
                "object", "'http://example.com/activity'"));
        cases.add(rejects("definition not an object", "statement.object.definition", "must be a JSON object",
                "object.definition", "'definition'"));
        cases.add(rejects("definition unknown property", "statement.object.definition.url",
                "an Activity definition may only have", "object.definition.url", "'http://example.com'"));
        cases.add(rejects("definition name not a map", "statement.object.definition.name", "must be a JSON object",
                "object.definition.name", "'ข้อที่ 1'"));
        cases.add(rejects("definition name bad language", "statement.object.definition.name", "\"th_TH\"",
                "object.definition.name", "{'th_TH': 'ข้อที่ 1'}"));
        cases.add(rejects("definition description value numeric",
                "statement.object.definition.description[\"th-TH\"]", "must be a string",
                "object.definition.description", "{'th-TH': 12345}"));
        cases.add(rejects("definition type without scheme", "statement.object.definition.type",
                "must be an absolute IRI", "object.definition.type", "'adlnet.gov/expapi/activities/meeting'"));
        cases.add(rejects("definition moreInfo without scheme", "statement.object.definition.moreInfo",
                "must be an absolute IRL", "object.definition.moreInfo", "'virtualmeeting.example.com/345256'"));
        cases.add(rejects("definition extensions key not IRI", "statement.object.definition.extensions",
                "key \"not.valid.com/extension\" must be an absolute IRI", "object.definition.extensions",
                "{'not.valid.com/extension': 1234}"));
        cases.add(rejects("definition extensions not an object", "statement.object.definition.extensions",
                "must be a JSON object", "object.definition.extensions", "'should fail'"));
        cases.add(rejects("definition extensions null", "statement.object.definition.extensions",
                "must not be null", "object.definition.extensions", "null"));

        // --- object: interactions
        cases.add(rejects("interactionType wrong case", "statement.object.definition.interactionType",
                "must be \"true-false\", \"choice\"", "object.definition.interactionType", "'Choice'"));
        cases.add(rejects("interactionType unknown", "statement.object.definition.interactionType",
                "(case-sensitive)", "object.definition.interactionType", "'multiple-choice'"));
        cases.add(rejects("interactionType IRI", "statement.object.definition.interactionType",
                "(case-sensitive)", "object.definition.interactionType", "'http://adlnet.gov/expapi/activities/cmi.interaction'"));
        cases.add(rejects("interactionType numeric", "statement.object.definition.interactionType",
                "must be a string", "object.definition.interactionType", "12345"));
        cases.add(rejects("correctResponsesPattern without interactionType",
                "statement.object.definition.correctResponsesPattern", "requires an \"interactionType\"",
                "object.definition.interactionType", null, "object.definition.choices", null));
        cases.add(rejects("choices without interactionType", "statement.object.definition.choices",
                "requires an \"interactionType\"", "object.definition.interactionType", null,
                "object.definition.correctResponsesPattern", null));
        cases.add(rejects("correctResponsesPattern not an array",
                "statement.object.definition.correctResponsesPattern", "must be a JSON array",
                "object.definition.correctResponsesPattern", "'a[,]b'"));
        cases.add(rejects("correctResponsesPattern element numeric",
                "statement.object.definition.correctResponsesPattern[1]", "must be a string",
                "object.definition.correctResponsesPattern", "['a', 1]"));
        cases.add(rejects("choices for likert", "statement.object.definition.choices",
                "is not allowed with interactionType \"likert\"", "object.definition.interactionType", "'likert'"));
        cases.add(rejects("choices for true-false", "statement.object.definition.choices",
                "is not allowed with interactionType \"true-false\"", "object.definition.interactionType",
                "'true-false'"));
        cases.add(rejects("scale for choice", "statement.object.definition.scale", "is not allowed",
                "object.definition.scale", "[{'id': 'likert_0'}]"));
        cases.add(rejects("source for choice", "statement.object.definition.source", "is not allowed",
                "object.definition.source", "[{'id': 'a'}]"));
        cases.add(rejects("target for choice", "statement.object.definition.target", "is not allowed",
                "object.definition.target", "[{'id': 'a'}]"));
        cases.add(rejects("steps for choice", "statement.object.definition.steps", "is not allowed",
                "object.definition.steps", "[{'id': 'a'}]"));
        cases.add(rejects("duplicate component ids", "statement.object.definition.choices[2].id",
                "\"a\" is not unique within choices", "object.definition.choices",
                "[{'id': 'a'}, {'id': 'b'}, {'id': 'a'}]"));
        cases.add(rejects("component without id", "statement.object.definition.choices[0].id", "is required",
                "object.definition.choices", "[{'description': {'th-TH': 'ก'}}]"));
        cases.add(rejects("component id numeric", "statement.object.definition.choices[0].id", "must be a string",
                "object.definition.choices", "[{'id': 1}]"));
        cases.add(rejects("component unknown property", "statement.object.definition.choices[0].name",
                "an interaction component may only have id, description", "object.definition.choices",
                "[{'id': 'a', 'name': {'en': 'A'}}]"));
        cases.add(rejects("component description bad language",
                "statement.object.definition.choices[0].description", "not an RFC 5646 language tag",
                "object.definition.choices", "[{'id': 'a', 'description': {'a12345': 'A'}}]"));
        cases.add(rejects("choices not an array", "statement.object.definition.choices", "must be a JSON array",
                "object.definition.choices", "{'id': 'a'}"));
        cases.add(rejects("component not an object", "statement.object.definition.choices[0]",
                "must be a JSON object", "object.definition.choices", "['a']"));

        // --- object: Agent, Group, StatementRef
        cases.add(rejects("agent object with bad mbox", "statement.object.mbox", "mailto", "object",
                "{'objectType': 'Agent', 'mbox': 'someone'}"));
        cases.add(rejects("group object without members", "statement.object.member", "anonymous Group", "object",
                "{'objectType': 'Group'}"));
        cases.add(rejects("agent object with activity properties", "statement.object.id", "an Agent may only have",
                "object.objectType", "'Agent'"));
        cases.add(rejects("statementRef without id", "statement.object.id", "is required", "object",
                "{'objectType': 'StatementRef'}"));
        cases.add(rejects("statementRef id not UUID", "statement.object.id", "must be a UUID", "object",
                "{'objectType': 'StatementRef', 'id': 'http://example.com/statement/1'}"));
        cases.add(rejects("statementRef extra property", "statement.object.definition", "a StatementRef may only have",
                "object", "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0', 'definition': {}}"));

        // --- object: SubStatement
        String sub = "{'objectType': 'SubStatement', 'actor': {'mbox': 'mailto:a@example.com'}, "
                + "'verb': {'id': 'http://example.com/planned'}, 'object': {'id': 'http://example.com/website'}}";
        for (String forbidden : new String[] {"id", "stored", "version", "authority"}) {
            String value = switch (forbidden) {
                case "id" -> "'8f87ccde-bb56-4c2e-ab83-44982ef22df0'";
                case "stored" -> "'2024-05-01T06:45:31.000Z'";
                case "version" -> "'1.0.0'";
                default -> "{'mbox': 'mailto:a@example.com'}";
            };
            cases.add(rejects("substatement with " + forbidden, "statement.object." + forbidden,
                    "must not be present in a SubStatement", "object", sub, "object." + forbidden, value));
        }
        cases.add(rejects("nested substatement", "statement.object.object.objectType",
                "a SubStatement must not contain another SubStatement", "object", sub, "object.object", sub));
        cases.add(rejects("substatement without actor", "statement.object.actor", "is required",
                "object", sub, "object.actor", null));
        cases.add(rejects("substatement without verb", "statement.object.verb", "is required",
                "object", sub, "object.verb", null));
        cases.add(rejects("substatement without object", "statement.object.object", "is required",
                "object", sub, "object.object", null));
        cases.add(rejects("substatement unknown property", "statement.object.foo", "a SubStatement may only have",
                "object", sub, "object.foo", "1"));
        cases.add(rejects("substatement bad verb", "statement.object.verb.id", "must be an absolute IRI",
                "object", sub, "object.verb.id", "'planned'"));
        cases.add(rejects("substatement agent object without objectType", "statement.object.object.mbox",
                "must have \"objectType\"", "object", sub, "object.object", "{'mbox': 'mailto:b@example.com'}"));
        cases.add(rejects("substatement object objectType wrong", "statement.object.object.objectType",
                "must be \"Activity\", \"Agent\", \"Group\" or \"StatementRef\"", "object", sub,
                "object.object.objectType", "'activity'"));
        cases.add(rejects("substatement platform with agent object", "statement.object.context.platform",
                "must only be used when the statement's object is an Activity", "object", sub,
                "object.object", "{'objectType': 'Agent', 'mbox': 'mailto:b@example.com'}",
                "object.context", "{'platform': 'x'}"));
        cases.add(rejects("substatement bad timestamp", "statement.object.timestamp", "ISO 8601",
                "object", sub, "object.timestamp", "'tomorrow'"));
        cases.add(rejects("substatement result bad duration", "statement.object.result.duration", "ISO 8601 duration",
                "object", sub, "object.result", "{'duration': 'one hour'}"));
        cases.add(rejects("substatement objectType wrong case", "statement.object.objectType", "(case-sensitive)",
                "object", sub, "object.objectType", "'Substatement'"));

        // --- result
        cases.add(rejects("result not an object", "statement.result", "must be a JSON object", "result", "'passed'"));
        cases.add(rejects("result unknown property", "statement.result.grade", "a Result may only have",
                "result.grade", "'A'"));
        cases.add(rejects("score not an object", "statement.result.score", "must be a JSON object",
                "result.score", "95"));
        cases.add(rejects("score unknown property", "statement.result.score.percent", "a Score may only have",
                "result.score.percent", "95"));
        cases.add(rejects("scaled above 1", "statement.result.score.scaled", "between -1 and 1",
                "result.score.scaled", "1.01"));
        cases.add(rejects("scaled below -1", "statement.result.score.scaled", "between -1 and 1",
                "result.score.scaled", "-1.00001"));
        cases.add(rejects("scaled string", "statement.result.score.scaled", "must be a number",
                "result.score.scaled", "'0.5'"));
        cases.add(rejects("max as string", "statement.result.score.max", "must be a number",
                "result.score.max", "'100'"));
        cases.add(rejects("max as words", "statement.result.score.max", "must be a number",
                "result.score.max", "'one hundred'"));
        cases.add(rejects("raw above max", "statement.result.score.raw", "must not be greater than max",
                "result.score.raw", "11"));
        cases.add(rejects("raw below min", "statement.result.score.raw", "must not be less than min",
                "result.score.raw", "-1"));
        cases.add(rejects("min equal to max", "statement.result.score.max", "must be greater than min",
                "result.score", "{'min': 5, 'max': 5}"));
        cases.add(rejects("min above max", "statement.result.score.max", "must be greater than min",
                "result.score", "{'raw': 5, 'min': 10, 'max': 1}"));
        cases.add(rejects("raw below min without max", "statement.result.score.raw", "less than min",
                "result.score", "{'raw': 5, 'min': 10}"));
        cases.add(rejects("raw null", "statement.result.score.raw", "must not be null", "result.score.raw", "null"));
        cases.add(rejects("success as string true", "statement.result.success", "must be a boolean",
                "result.success", "'true'"));
        cases.add(rejects("completion as string false", "statement.result.completion", "must be a boolean",
                "result.completion", "'false'"));
        cases.add(rejects("completion as number", "statement.result.completion", "must be a boolean",
                "result.completion", "1"));
        cases.add(rejects("response numeric", "statement.result.response", "must be a string",
                "result.response", "12"));
        for (String duration : new String[] {"'PA1H0M0S'", "'P4W1D'", "'PT1H30'", "'1 hour'", "'P1DT'", "'PT'",
            "'P0003-02-01T04:05:06'", "'-PT1H'"}) {
            cases.add(rejects("duration " + duration, "statement.result.duration", "must be an ISO 8601 duration",
                    "result.duration", duration));
        }
        cases.add(rejects("duration numeric", "statement.result.duration", "must be a string",
                "result.duration", "12345"));
        cases.add(rejects("duration object", "statement.result.duration", "must be a string",
                "result.duration", "{'key': 'invalid'}"));
        cases.add(rejects("result extensions key not IRI", "statement.result.extensions",
                "key \"example.com/extension/wrong\" must be an absolute IRI", "result.extensions",
                "{'example.com/extension/wrong': 1234}"));

        // --- context
        cases.add(rejects("context not an object", "statement.context", "must be a JSON object", "context", "'x'"));
        cases.add(rejects("context unknown property", "statement.context.location", "a Context may only have",
                "context.location", "'Bangkok'"));
        cases.add(rejects("context wrong-case property", "statement.context.Platform", "did you mean \"platform\"",
                "context.Platform", "'x'"));
        cases.add(rejects("registration not UUID", "statement.context.registration", "must be a UUID",
                "context.registration", "'should fail'"));
        cases.add(rejects("registration object", "statement.context.registration", "must be a string",
                "context.registration", "{'key': 'value'}"));
        cases.add(rejects("instructor without IFI", "statement.context.instructor", "found none",
                "context.instructor", "{'name': 'x'}"));
        cases.add(rejects("instructor string", "statement.context.instructor", "must be a JSON object",
                "context.instructor", "'teacher'"));
        cases.add(rejects("instructor anonymous group without member", "statement.context.instructor.member",
                "anonymous Group", "context.instructor", "{'objectType': 'Group'}"));
        cases.add(rejects("team as Agent", "statement.context.team", "must be a Group",
                "context.team", "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}"));
        cases.add(rejects("team without objectType", "statement.context.team", "must be a Group",
                "context.team", "{'mbox': 'mailto:a@example.com'}"));
        cases.add(rejects("team string", "statement.context.team", "must be a JSON object",
                "context.team", "'team a'"));
        cases.add(rejects("team member group", "statement.context.team.member[0].objectType", "not a Group",
                "context.team.member[0]", "{'objectType': 'Group', 'mbox': 'mailto:g@example.com'}"));
        cases.add(rejects("contextActivities not an object", "statement.context.contextActivities",
                "must be a JSON object", "context.contextActivities", "'parent'"));
        cases.add(rejects("contextActivities unknown key", "statement.context.contextActivities.consequences",
                "contextActivities may only have parent, grouping, category, other",
                "context.contextActivities.consequences", "[{'id': 'http://example.com/x'}]"));
        cases.add(rejects("contextActivities wrong-case key", "statement.context.contextActivities.Parent",
                "did you mean \"parent\"", "context.contextActivities.Parent", "[{'id': 'http://example.com/x'}]"));
        cases.add(rejects("parent activity id not IRI", "statement.context.contextActivities.parent[0].id",
                "must be an absolute IRI", "context.contextActivities.parent[0].id", "'quiz-1'"));
        cases.add(rejects("grouping single activity without id", "statement.context.contextActivities.grouping.id",
                "is required", "context.contextActivities.grouping.id", null));
        cases.add(rejects("category element string", "statement.context.contextActivities.category[1]",
                "must be a JSON object", "context.contextActivities.category",
                "[{'id': 'http://example.com/c'}, 'http://example.com/d']"));
        cases.add(rejects("other is a string", "statement.context.contextActivities.other",
                "must be an Activity or an array of Activities", "context.contextActivities.other",
                "'http://example.com/o'"));
        cases.add(rejects("contextActivity unknown property", "statement.context.contextActivities.other[0].key",
                "an Activity may only have", "context.contextActivities.other",
                "[{'id': 'http://example.com/o', 'key': 'value'}]"));
        cases.add(rejects("contextActivity wrong objectType", "statement.context.contextActivities.parent[0].objectType",
                "must be \"Activity\"", "context.contextActivities.parent[0].objectType", "'Agent'"));
        cases.add(rejects("contextActivity bad definition", "statement.context.contextActivities.category[0].definition.type",
                "must be an absolute IRI", "context.contextActivities.category[0].definition.type", "'profile'"));
        cases.add(rejects("revision numeric", "statement.context.revision", "must be a string",
                "context.revision", "2"));
        cases.add(rejects("platform object", "statement.context.platform", "must be a string",
                "context.platform", "{'name': 'Moodle'}"));
        cases.add(rejects("platform with Agent object", "statement.context.platform",
                "must only be used when the statement's object is an Activity",
                "object", "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}", "context.revision", null));
        cases.add(rejects("revision with Group object", "statement.context.revision",
                "must only be used when the statement's object is an Activity",
                "object", "{'objectType': 'Group', 'mbox': 'mailto:g@example.com'}"));
        cases.add(rejects("revision with StatementRef object", "statement.context.revision", "Activity",
                "object", "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}"));
        cases.add(rejects("revision with SubStatement object", "statement.context.revision", "Activity",
                "object", sub));
        cases.add(rejects("language invalid", "statement.context.language", "RFC 5646 language tag",
                "context.language", "'th_TH'"));
        cases.add(rejects("language Thai word", "statement.context.language", "RFC 5646 language tag",
                "context.language", "'ภาษาไทย'"));
        cases.add(rejects("language numeric", "statement.context.language", "must be a string",
                "context.language", "66"));
        cases.add(rejects("context statement without objectType", "statement.context.statement.objectType",
                "is required", "context.statement", "{'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'}"));
        cases.add(rejects("context statement wrong objectType", "statement.context.statement.objectType",
                "must be \"StatementRef\"", "context.statement.objectType", "'Statement'"));
        cases.add(rejects("context statement bad id", "statement.context.statement.id", "must be a UUID",
                "context.statement.id", "'6690e6c9'"));
        cases.add(rejects("context statement is an activity", "statement.context.statement.definition",
                "a StatementRef may only have", "context.statement",
                "{'objectType': 'StatementRef', 'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee', 'definition': {}}"));
        cases.add(rejects("context extensions key not IRI", "statement.context.extensions",
                "key \"example.com/extension/wrong\" must be an absolute IRI", "context.extensions",
                "{'example.com/extension/wrong': 1234}"));
        cases.add(rejects("context extensions null", "statement.context.extensions", "must not be null",
                "context.extensions", "null"));
        cases.add(rejects("context registration null", "statement.context.registration", "must not be null",
                "context.registration", "null"));
        cases.add(rejects("contextAgents in 1.0.3", "statement.context.contextAgents",
                "only allowed in xAPI 2.0", "context.contextAgents", CONTEXT_AGENTS));
        cases.add(rejects("contextGroups in 1.0.3", "statement.context.contextGroups",
                "only allowed in xAPI 2.0", "context.contextGroups", CONTEXT_GROUPS));

        // --- xAPI 2.0 contextAgents / contextGroups
        cases.add(rejects20("contextAgents not an array", "statement.context.contextAgents", "must be a JSON array",
                "context.contextAgents", "{'objectType': 'contextAgent'}"));
        cases.add(rejects20("contextAgent not an object", "statement.context.contextAgents[0]",
                "must be a JSON object", "context.contextAgents[0]", "'mailto:a@example.com'"));
        cases.add(rejects20("contextAgent wrong objectType", "statement.context.contextAgents[0].objectType",
                "must be \"contextAgent\"", "context.contextAgents[0].objectType", "'Should fail'"));
        cases.add(rejects20("contextAgent objectType wrong case", "statement.context.contextAgents[0].objectType",
                "must be \"contextAgent\"", "context.contextAgents[0].objectType", "'ContextAgent'"));
        cases.add(rejects20("contextAgent without objectType", "statement.context.contextAgents[1].objectType",
                "is required", "context.contextAgents[1].objectType", null));
        cases.add(rejects20("contextAgent without agent", "statement.context.contextAgents[0].agent",
                "is required", "context.contextAgents[0].agent", null));
        cases.add(rejects20("contextAgent agent invalid", "statement.context.contextAgents[0].agent.key",
                "an Agent may only have", "context.contextAgents[0].agent", "{'key': 'value'}"));
        cases.add(rejects20("contextAgent agent without IFI", "statement.context.contextAgents[0].agent",
                "found none", "context.contextAgents[0].agent", "{'objectType': 'Agent'}"));
        cases.add(rejects20("contextAgent agent is a Group", "statement.context.contextAgents[0].agent.objectType",
                "must be an Agent, not a Group", "context.contextAgents[0].agent",
                "{'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}]}"));
        cases.add(rejects20("contextAgent relevantTypes empty", "statement.context.contextAgents[0].relevantTypes",
                "at least one", "context.contextAgents[0].relevantTypes", "[]"));
        cases.add(rejects20("contextAgent relevantTypes non-IRI", "statement.context.contextAgents[0].relevantTypes[0]",
                "must be an absolute IRI", "context.contextAgents[0].relevantTypes", "['abc']"));
        cases.add(rejects20("contextAgent relevantTypes not an array", "statement.context.contextAgents[0].relevantTypes",
                "must be a JSON array", "context.contextAgents[0].relevantTypes", "'https://example.com/t'"));
        cases.add(rejects20("contextAgent unknown property", "statement.context.contextAgents[0].role",
                "a contextAgent may only have objectType, agent, relevantTypes", "context.contextAgents[0].role", "'x'"));
        cases.add(rejects20("contextGroups not an array", "statement.context.contextGroups", "must be a JSON array",
                "context.contextGroups", "'team'"));
        cases.add(rejects20("contextGroup wrong objectType", "statement.context.contextGroups[0].objectType",
                "must be \"contextGroup\"", "context.contextGroups[0].objectType", "'contextAgent'"));
        cases.add(rejects20("contextGroup without group", "statement.context.contextGroups[1].group", "is required",
                "context.contextGroups[1].group", null));
        cases.add(rejects20("contextGroup group is an Agent", "statement.context.contextGroups[0].group",
                "must be a Group", "context.contextGroups[0].group",
                "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}"));
        cases.add(rejects20("contextGroup group without objectType", "statement.context.contextGroups[0].group",
                "must be a Group", "context.contextGroups[0].group", "{'mbox': 'mailto:team-1@example.com'}"));
        cases.add(rejects20("contextGroup anonymous group without member",
                "statement.context.contextGroups[0].group.member", "anonymous Group", "context.contextGroups[0].group",
                "{'objectType': 'Group'}"));
        cases.add(rejects20("contextGroup relevantTypes empty", "statement.context.contextGroups[0].relevantTypes",
                "at least one", "context.contextGroups[0].relevantTypes", "[]"));
        cases.add(rejects20("contextGroup relevantTypes non-IRI", "statement.context.contextGroups[0].relevantTypes[0]",
                "must be an absolute IRI", "context.contextGroups[0].relevantTypes", "['team a']"));
        cases.add(rejects20("contextGroups null element", "statement.context.contextGroups[0]", "must not be null",
                "context.contextGroups[0]", "null"));

        // --- timestamp and stored
        for (String property : new String[] {"timestamp", "stored"}) {
            for (String value : new String[] {"'should fail'", "'01/011/2015'", "'2024-05-01'", "'2024-02-30T00:00:00Z'",
                "'2024-05-01T25:00:00Z'", "'2024-05-01 13:45:30Z'"}) {
                cases.add(rejects(property + " " + value, "statement." + property, "must be an ISO 8601 date and time",
                        property, value));
            }
            cases.add(rejects(property + " numeric", "statement." + property, "must be a string", property,
                    "1714549530"));
            for (String value : new String[] {"'2008-09-15T15:53:00.601-00'", "'2008-09-15T15:53:00.601-0000'",
                "'2008-09-15T15:53:00.601-00:00'"}) {
                cases.add(rejects(property + " negative zero offset " + value, "statement." + property, "-00:00",
                        property, value));
                cases.add(rejects20(property + " negative zero offset " + value, "statement." + property, "-00:00",
                        property, value));
            }
            cases.add(rejects20(property + " without offset in 2.0", "statement." + property,
                    "must include a time zone offset", property, "'2024-05-01T13:45:30.123'"));
        }

        // --- authority
        cases.add(rejects("authority without IFI", "statement.authority", "found none", "authority",
                "{'objectType': 'Agent'}"));
        cases.add(rejects("authority with two IFIs", "statement.authority", "exactly one", "authority",
                "{'mbox': 'mailto:a@example.com', 'account': {'homePage': 'http://example.com', 'name': 'a'}}"));
        cases.add(rejects("authority objectType lowercase", "statement.authority.objectType", "(case-sensitive)",
                "authority.objectType", "'agent'"));
        cases.add(rejects("authority identified group", "statement.authority",
                "must not have an inverse functional identifier", "authority",
                "{'objectType': 'Group', 'mbox': 'mailto:xapigroup@example.com', 'member': ["
                        + "{'account': {'homePage': 'http://example.com/xAPI/OAuth/Token', 'name': 'oauth_consumer_x75db'}},"
                        + "{'mbox': 'mailto:bob@example.com'}]}"));
        cases.add(rejects("authority group of one", "statement.authority.member", "exactly two Agents", "authority",
                "{'objectType': 'Group', 'member': [{'mbox': 'mailto:bob@example.com'}]}"));
        cases.add(rejects("authority group of three", "statement.authority.member", "found 3", "authority",
                "{'objectType': 'Group', 'member': ["
                        + "{'account': {'homePage': 'http://example.com/xAPI/OAuth/Token', 'name': 'oauth_consumer_x75db'}},"
                        + "{'mbox': 'mailto:bob@example.com'}, {'mbox': 'mailto:james@example.com'}]}"));
        cases.add(rejects("authority group without OAuth consumer", "statement.authority.member",
                "identified by an account", "authority", "{'objectType': 'Group', 'member': ["
                        + "{'name': 'agentA', 'mbox': 'mailto:agentA@example.com'},"
                        + "{'name': 'agentB', 'mbox': 'mailto:agentB@example.com'}]}"));
        cases.add(rejects("authority group without members", "statement.authority.member", "anonymous Group",
                "authority", "{'objectType': 'Group', 'name': 'Group Anonymous'}"));
        cases.add(rejects("authority group with member group", "statement.authority.member[1].objectType",
                "not a Group", "authority", "{'objectType': 'Group', 'member': ["
                        + "{'account': {'homePage': 'http://example.com/token', 'name': 'c'}},"
                        + "{'objectType': 'Group', 'mbox': 'mailto:g@example.com'}]}"));
        cases.add(rejects("authority string", "statement.authority", "must be a JSON object", "authority",
                "'mailto:a@example.com'"));

        // --- version
        for (String version : new String[] {"'should fail'", "'0.9.9'", "'1.1.0'", "'2.0.0'", "'1.0.'", "'1'"}) {
            cases.add(rejects("version " + version, "statement.version", "\"1.0.\"", "version", version));
        }
        for (String version : new String[] {"'should fail'", "'0.9.9'", "'1.1.0'", "'2.1.0'", "'3.0.0'"}) {
            cases.add(rejects20("version " + version, "statement.version", "1.0.x or 2.0.x", "version", version));
        }
        cases.add(rejects("version numeric", "statement.version", "must be a string", "version", "1.0"));

        // --- attachments
        cases.add(rejects("attachments not an array", "statement.attachments", "must be a JSON array",
                "attachments", "{'usageType': 'http://example.com/u'}"));
        cases.add(rejects("attachment numeric", "statement.attachments[0]", "must be a JSON object",
                "attachments[0]", "12345"));
        cases.add(rejects("attachment string", "statement.attachments[0]", "must be a JSON object",
                "attachments[0]", "'should fail'"));
        for (String required : new String[] {"usageType", "display", "contentType", "length", "sha2"}) {
            cases.add(rejects("attachment without " + required, "statement.attachments[0]." + required, "is required",
                    "attachments[0]." + required, null));
        }
        cases.add(rejects("attachment usageType not IRI", "statement.attachments[0].usageType",
                "must be an absolute IRI", "attachments[0].usageType", "'example.com/attachment-usage/test'"));
        cases.add(rejects("attachment display invalid language", "statement.attachments[0].display",
                "not an RFC 5646 language tag", "attachments[0].display", "{'something': 'x'}"));
        cases.add(rejects("attachment display string", "statement.attachments[0].display", "must be a JSON object",
                "attachments[0].display", "'certificate'"));
        cases.add(rejects("attachment description numeric", "statement.attachments[0].description",
                "must be a JSON object", "attachments[0].description", "12345"));
        cases.add(rejects("attachment contentType numeric", "statement.attachments[0].contentType", "must be a string",
                "attachments[0].contentType", "12345"));
        cases.add(rejects("attachment contentType not a media type", "statement.attachments[0].contentType",
                "media type", "attachments[0].contentType", "'pdf'"));
        cases.add(rejects("attachment length string", "statement.attachments[0].length", "must be an integer",
                "attachments[0].length", "'12345'"));
        cases.add(rejects("attachment length fractional", "statement.attachments[0].length", "must be an integer",
                "attachments[0].length", "1.5"));
        cases.add(rejects("attachment length negative", "statement.attachments[0].length", "must not be negative",
                "attachments[0].length", "-1"));
        cases.add(rejects("attachment sha2 not a hash", "statement.attachments[0].sha2", "SHA-2",
                "attachments[0].sha2", "'should fail'"));
        cases.add(rejects("attachment sha2 numeric", "statement.attachments[0].sha2", "must be a string",
                "attachments[0].sha2", "12345"));
        cases.add(rejects("attachment fileUrl without scheme", "statement.attachments[0].fileUrl",
                "must be an absolute IRL", "attachments[0].fileUrl", "'over.there.com/file.txt'"));
        cases.add(rejects("attachment unknown property", "statement.attachments[0].data",
                "an Attachment may only have", "attachments[0].data", "'aGVsbG8='"));
        cases.add(rejects("attachment null", "statement.attachments[0]", "must not be null",
                "attachments[0]", "null"));
        cases.add(rejects("signature attachment not octet-stream", "statement.attachments[0].contentType",
                "application/octet-stream", "attachments[0].usageType",
                "'http://adlnet.gov/expapi/attachments/signature'"));

        // --- voiding
        cases.add(rejects("voiding an activity", "statement.object", "must have a StatementRef object",
                "verb.id", "'http://adlnet.gov/expapi/verbs/voided'"));
        cases.add(rejects("voiding with a substatement", "statement.object", "StatementRef",
                "verb.id", "'http://adlnet.gov/expapi/verbs/voided'", "object", sub));

        // --- the minimal statement
        cases.add(rejectsMinimal("minimal without actor IFI", "statement.actor", "exactly one",
                "actor", "{}"));
        cases.add(rejectsMinimal("minimal with empty verb", "statement.verb.id", "is required", "verb", "{}"));
        cases.add(rejectsMinimal("minimal with empty object", "statement.object.id", "is required", "object", "{}"));

        return cases.stream();
    }

    // ====================================================================================== messages

    @Nested
    class Messages {

        @Test
        void mboxMessage() {
            StatementValidationException e = assertRejected(with(statement(MINIMAL), "actor.mbox", "'bob'"), V1_0_3,
                    "statement.actor.mbox", null);
            assertEquals("statement.actor.mbox: must be a \"mailto:\" IRI", e.getMessage());
            assertEquals("must be a \"mailto:\" IRI", e.rule());
        }

        @Test
        void contextActivityIdMessage() {
            StatementValidationException e = assertRejected(
                    with(statement(MINIMAL), "context.contextActivities.parent", "[{'id': 'not an iri'}]"), V1_0_3,
                    "statement.context.contextActivities.parent[0].id", null);
            assertEquals("statement.context.contextActivities.parent[0].id: must be an absolute IRI", e.getMessage());
        }

        @Test
        void nullMessage() {
            StatementValidationException e = assertRejected(with(statement(MINIMAL), "context", "null"), V1_0_3,
                    "statement.context", null);
            assertEquals("statement.context: must not be null", e.getMessage());
        }

        @Test
        void unknownPropertyListsTheAllowedOnes() {
            StatementValidationException e = assertRejected(with(statement(MINIMAL), "verb.Display", "{}"), V1_0_3,
                    "statement.verb.Display", null);
            assertEquals("statement.verb.Display: is not allowed: a Verb may only have id, display "
                    + "(did you mean \"display\"? property names are case-sensitive)", e.getMessage());
        }

        @Test
        void languageMapValuesAreNamedByTheirKey() {
            StatementValidationException e = assertRejected(with(statement(MINIMAL), "verb.display", "{'th': 1}"),
                    V1_0_3, "statement.verb.display[\"th\"]", null);
            assertEquals("statement.verb.display[\"th\"]: must be a string", e.getMessage());
        }

        @Test
        void firstFailureInDocumentOrderIsReported() {
            ObjectNode s = statement(MINIMAL);
            with(s, "actor.mbox", "'bad'");
            with(s, "verb.id", "'bad'");
            assertRejected(s, V1_0_3, "statement.actor.mbox", null);
        }
    }

    // ======================================================================================= plumbing

    @Nested
    class Plumbing {

        @Test
        void nullStatement() {
            StatementValidationException e =
                    assertThrows(StatementValidationException.class, () -> VALIDATOR.validate(null, V1_0_3));
            assertEquals("statement: is required", e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "'statement'", "42", "null", "true"})
        void notAnObject(String value) {
            StatementValidationException e = assertThrows(StatementValidationException.class,
                    () -> VALIDATOR.validate(json(value), V2_0_0));
            assertEquals("statement", e.path());
        }

        @Test
        void versionIsRequired() {
            assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validate(statement(MINIMAL), null));
        }

        @Test
        void validatingDoesNotModifyTheStatement() {
            ObjectNode s = full20();
            String before = s.toString();
            VALIDATOR.validate(s, V2_0_0);
            assertEquals(before, s.toString());
        }

        @Test
        void exceptionsCarryNoStackTrace() {
            StatementValidationException e = assertThrows(StatementValidationException.class,
                    () -> VALIDATOR.validate(statement("{}"), V1_0_3));
            assertEquals(0, e.getStackTrace().length);
            assertEquals("statement.actor: is required", e.getMessage());
        }
    }
}
