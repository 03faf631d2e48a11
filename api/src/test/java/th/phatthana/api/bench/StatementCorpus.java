package th.phatthana.api.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statements the ingest benchmark posts, generated before anything is timed: what a Thai
 * e-Learning platform sends for the staff of a local organisation. Every statement has its own
 * id (providers send ids), a Thai actor name, verb displays in th-TH and en-US, an activity with a
 * Thai/English name and description, a context with registration, parent course, grouping plan,
 * platform, language and extensions, and, depending on the verb, a result with score, success,
 * completion and duration. Content is reproducible from the seed; ids are random per run, so runs
 * never collide in a store that is kept.
 */
final class StatementCorpus {

    private static final String[] TITLES = { "นาย", "นาง", "นางสาว" };
    private static final String[] FIRST_NAMES = { "สมชาย", "สมศรี", "สุภาพร", "ประเสริฐ", "วิไลวรรณ", "ธนากร", "กนกวรรณ", "อนุชา",
            "พรทิพย์", "ศักดิ์ชัย", "นิภาพร", "วีระพงษ์", "จันทร์เพ็ญ", "สุรเชษฐ์", "อรอุมา", "ชาญวิทย์", "รัตนาภรณ์", "ณัฐพล",
            "ปิยะนุช", "บุญเลิศ", "สายสุนีย์", "เกรียงไกร", "ทองใบ", "มาลัย", "ชูชาติ", "ดวงใจ", "ไพโรจน์", "อัมพร" };
    private static final String[] LAST_NAMES = { "ใจดี", "ศรีสุข", "วงศ์สวัสดิ์", "แก้วมณี", "บุญมา", "ทองคำ", "พรหมมา", "สุวรรณรัตน์",
            "จันทร์หอม", "ศรีวิชัย", "อินทรประเสริฐ", "มั่นคง", "ปัญญาวงศ์", "คำแหง", "ชัยมงคล", "เพชรรัตน์", "สิทธิโชค", "บุญประคอง",
            "ไชยสงคราม", "ภูมิลำเนา", "นาคสวัสดิ์", "รักษาพล" };
    private static final String[] POSITIONS = { "ปลัดองค์การบริหารส่วนตำบล", "นักวิเคราะห์นโยบายและแผน", "นักวิชาการคอมพิวเตอร์",
            "นักจัดการงานทั่วไป", "นักวิชาการเงินและบัญชี", "นักวิชาการพัสดุ", "นายช่างโยธา", "นักพัฒนาชุมชน", "นักทรัพยากรบุคคล",
            "เจ้าพนักงานธุรการ", "นักวิชาการศึกษา", "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัย" };

    /** th-TH, en-US, slug. */
    private static final String[][] COURSES = {
            { "การป้องกันและปราบปรามการทุจริตในองค์กรปกครองส่วนท้องถิ่น", "Anti-corruption in local administrative organisations", "anti-corruption" },
            { "ระเบียบงานสารบรรณและการจัดทำหนังสือราชการ", "Official correspondence regulations", "official-correspondence" },
            { "การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ", "Public procurement and supplies management", "procurement" },
            { "การจัดทำแผนพัฒนาท้องถิ่น", "Local development planning", "local-development-plan" },
            { "การบริหารงานบุคคลส่วนท้องถิ่น", "Local personnel administration", "personnel-administration" },
            { "ธรรมาภิบาลและจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "Good governance and ethics for public officials", "good-governance" },
            { "การป้องกันและบรรเทาสาธารณภัย", "Disaster prevention and mitigation", "disaster-prevention" },
            { "พระราชบัญญัติข้อมูลข่าวสารของราชการ", "Official Information Act", "official-information-act" },
            { "การคุ้มครองข้อมูลส่วนบุคคล (PDPA) สำหรับหน่วยงานท้องถิ่น", "Personal data protection for local agencies", "pdpa" },
            { "ภาษาอังกฤษเพื่อการสื่อสารในงานราชการ", "English for public service communication", "english-communication" },
            { "การใช้งานระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS)", "Using the e-LAAS accounting system", "e-laas" },
            { "การบริหารจัดการขยะมูลฝอยชุมชน", "Community solid waste management", "waste-management" } };
    private static final String[] MODULE_TOPICS_TH = { "บทนำและแนวคิดพื้นฐาน", "กฎหมายและระเบียบที่เกี่ยวข้อง", "กรณีศึกษาจากท้องถิ่น",
            "แนวทางปฏิบัติ", "การประเมินผลและติดตาม", "แบบทดสอบท้ายบท" };
    private static final String[] MODULE_TOPICS_EN = { "Introduction and basic concepts", "Relevant laws and regulations",
            "Local case studies", "Practice guidelines", "Evaluation and follow-up", "End-of-module quiz" };

    /** id, th-TH, en-US, share in percent. */
    private static final String[][] VERBS = {
            { "http://adlnet.gov/expapi/verbs/completed", "เรียนจบ", "completed", "25" },
            { "http://adlnet.gov/expapi/verbs/passed", "ผ่าน", "passed", "15" },
            { "http://adlnet.gov/expapi/verbs/failed", "ไม่ผ่าน", "failed", "5" },
            { "http://adlnet.gov/expapi/verbs/attempted", "เริ่มเรียน", "attempted", "20" },
            { "http://adlnet.gov/expapi/verbs/experienced", "เข้าชม", "experienced", "20" },
            { "http://adlnet.gov/expapi/verbs/answered", "ตอบคำถาม", "answered", "15" } };

    private static final String ORGANISATION_CODE = "6431501";
    private static final String PLAN_ID = "https://phatthana.th/plans/" + ORGANISATION_CODE + "/2567-2569";
    private static final String EXT = "https://phatthana.th/xapi/extensions/";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** One request: the JSON array of statements and their ids in order. */
    record Batch(byte[] body, List<String> ids) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random;
    private final List<Learner> learners = new ArrayList<>();
    private OffsetDateTime clock = OffsetDateTime.of(2025, 10, 1, 8, 30, 0, 0, ZoneOffset.ofHours(7));

    private record Learner(String name, String mbox, String accountName, String position, UUID[] registrations) {
    }

    StatementCorpus(long seed, int learnerCount) {
        this.random = new Random(seed);
        for (int i = 0; i < learnerCount; i++) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String title = pick(TITLES);
            UUID[] registrations = new UUID[COURSES.length];
            for (int c = 0; c < registrations.length; c++) {
                registrations[c] = uuid();
            }
            boolean account = random.nextInt(5) == 0;
            learners.add(new Learner(title + first + " " + last,
                    account ? null : "mailto:staff" + String.format("%04d", i) + "@sangkhom.go.th",
                    account ? "SK-" + String.format("%05d", i) : null, pick(POSITIONS), registrations));
        }
    }

    /** {@code count} batches of {@code size} statements each. */
    List<Batch> batches(int count, int size) {
        List<Batch> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            ArrayNode array = json.createArrayNode();
            List<String> ids = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ObjectNode statement = statement();
                ids.add(statement.get("id").asString());
                array.add(statement);
            }
            batches.add(new Batch(json.writeValueAsBytes(array), List.copyOf(ids)));
        }
        return batches;
    }

    private ObjectNode statement() {
        Learner learner = learners.get(random.nextInt(learners.size()));
        int courseIndex = random.nextInt(COURSES.length);
        String[] course = COURSES[courseIndex];
        int module = random.nextInt(MODULE_TOPICS_TH.length);
        String[] verb = verb();
        String courseId = "https://elearning.dla.go.th/courses/" + course[2];
        clock = clock.plusSeconds(1 + random.nextInt(90)).plusNanos(random.nextInt(1000) * 1_000_000L);

        ObjectNode statement = json.createObjectNode();
        statement.put("id", uuid().toString());

        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        actor.put("name", learner.name());
        if (learner.mbox() != null) {
            actor.put("mbox", learner.mbox());
        } else {
            ObjectNode account = actor.putObject("account");
            account.put("homePage", "https://elearning.dla.go.th");
            account.put("name", learner.accountName());
        }

        ObjectNode verbNode = statement.putObject("verb");
        verbNode.put("id", verb[0]);
        ObjectNode display = verbNode.putObject("display");
        display.put("th-TH", verb[1]);
        display.put("en-US", verb[2]);

        boolean answered = verb[2].equals("answered");
        ObjectNode object = statement.putObject("object");
        object.put("objectType", "Activity");
        ObjectNode definition;
        if (answered) {
            int question = 1 + random.nextInt(10);
            object.put("id", courseId + "/modules/" + (module + 1) + "/questions/" + question);
            definition = object.putObject("definition");
            languageMap(definition.putObject("name"), "คำถามข้อที่ " + question + " เรื่อง" + MODULE_TOPICS_TH[module],
                    "Question " + question + ": " + MODULE_TOPICS_EN[module]);
            languageMap(definition.putObject("description"),
                    "ข้อใดถูกต้องตามหลักเกณฑ์ในหัวข้อ" + MODULE_TOPICS_TH[module] + " ของหลักสูตร" + course[0],
                    "Which statement is correct according to '" + MODULE_TOPICS_EN[module] + "' in " + course[1] + "?");
            definition.put("type", "http://adlnet.gov/expapi/activities/cmi.interaction");
            definition.put("interactionType", "true-false");
            definition.putArray("correctResponsesPattern").add("true");
        } else {
            object.put("id", courseId + "/modules/" + (module + 1));
            definition = object.putObject("definition");
            languageMap(definition.putObject("name"), "บทที่ " + (module + 1) + " " + MODULE_TOPICS_TH[module],
                    "Module " + (module + 1) + ": " + MODULE_TOPICS_EN[module]);
            languageMap(definition.putObject("description"),
                    "เนื้อหาบทที่ " + (module + 1) + " ของหลักสูตร" + course[0] + " สำหรับบุคลากรองค์กรปกครองส่วนท้องถิ่น",
                    "Module " + (module + 1) + " of the course " + course[1] + " for local government staff");
            definition.put("type", "http://adlnet.gov/expapi/activities/module");
        }

        result(statement, verb[2]);

        ObjectNode context = statement.putObject("context");
        context.put("registration", learner.registrations()[courseIndex].toString());
        if (random.nextInt(4) == 0) {
            ObjectNode instructor = context.putObject("instructor");
            instructor.put("objectType", "Agent");
            instructor.put("name", "อาจารย์" + pick(FIRST_NAMES) + " " + pick(LAST_NAMES));
            instructor.put("mbox", "mailto:instructor" + (1 + random.nextInt(20)) + "@dla.go.th");
        }
        context.put("platform", "DLA e-Learning");
        context.put("language", "th-TH");
        ObjectNode activities = context.putObject("contextActivities");
        ObjectNode parent = activities.putArray("parent").addObject();
        parent.put("objectType", "Activity");
        parent.put("id", courseId);
        ObjectNode parentDefinition = parent.putObject("definition");
        languageMap(parentDefinition.putObject("name"), course[0], course[1]);
        parentDefinition.put("type", "http://adlnet.gov/expapi/activities/course");
        ObjectNode grouping = activities.putArray("grouping").addObject();
        grouping.put("objectType", "Activity");
        grouping.put("id", PLAN_ID);
        ObjectNode groupingDefinition = grouping.putObject("definition");
        languageMap(groupingDefinition.putObject("name"), "แผนพัฒนาบุคลากร 3 ปี (พ.ศ. 2567-2569) องค์การบริหารส่วนตำบลสังคม",
                "Three-year personnel development plan 2024-2026, Sangkhom SAO");
        ObjectNode extensions = context.putObject("extensions");
        extensions.put(EXT + "organisation-code", ORGANISATION_CODE);
        extensions.put(EXT + "fiscal-year", 2569);
        extensions.put(EXT + "position", learner.position());

        statement.put("timestamp", TIMESTAMP.format(clock));
        return statement;
    }

    private void result(ObjectNode statement, String verb) {
        ObjectNode result;
        switch (verb) {
            case "completed", "passed", "failed" -> {
                result = statement.putObject("result");
                int raw = verb.equals("failed") ? 20 + random.nextInt(40) : 60 + random.nextInt(41);
                ObjectNode score = result.putObject("score");
                score.put("scaled", raw / 100.0);
                score.put("raw", raw);
                score.put("min", 0);
                score.put("max", 100);
                result.put("success", !verb.equals("failed"));
                result.put("completion", true);
                result.put("duration", duration(600, 3 * 3600));
            }
            case "answered" -> {
                result = statement.putObject("result");
                boolean correct = random.nextInt(4) != 0;
                result.put("response", correct ? "true" : "false");
                result.put("success", correct);
                result.put("duration", duration(5, 120));
            }
            case "attempted" -> {
                result = statement.putObject("result");
                result.put("completion", false);
                result.put("duration", duration(30, 1800));
            }
            default -> {
                result = statement.putObject("result");
                result.put("duration", duration(60, 2400));
            }
        }
    }

    private String duration(int minSeconds, int maxSeconds) {
        int seconds = minSeconds + random.nextInt(maxSeconds - minSeconds + 1);
        StringBuilder text = new StringBuilder("PT");
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('H');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('M');
        }
        if (seconds % 60 > 0 || seconds < 60) {
            text.append(seconds % 60).append('S');
        }
        return text.toString();
    }

    private String[] verb() {
        int roll = random.nextInt(100);
        for (String[] verb : VERBS) {
            roll -= Integer.parseInt(verb[3]);
            if (roll < 0) {
                return verb;
            }
        }
        return VERBS[0];
    }

    private static void languageMap(ObjectNode map, String thai, String english) {
        map.put("th-TH", thai);
        map.put("en-US", english);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A version-4 UUID: ids are unique per run, the rest of the content follows the seed. */
    private static UUID uuid() {
        return UUID.randomUUID();
    }
}
