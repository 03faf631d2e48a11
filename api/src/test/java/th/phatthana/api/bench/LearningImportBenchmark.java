package th.phatthana.api.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.PhatthanaApplication;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning-record import benchmark (docs/performance.md, "Learning-record import"): one
 * organisation with {@code --staff} staff and a plan in force with {@code --courses} courses; a
 * DLA e-Learning export of {@code --rows} rows as XLSX (people by Thai name with title, e-mail or
 * account; courses by Thai title; Buddhist-Era dates in several forms) is previewed, confirmed and
 * confirmed again over HTTP, as the console does it. Goals: preview under 10 s, write under 30 s.
 *
 * <p>Run it with {@code ./mvnw -q -pl api -am -DskipTests -Pbenchmark verify
 * -Dbenchmark.main=th.phatthana.api.bench.LearningImportBenchmark -Dbenchmark.args="--store=persistent"}.
 */
public final class LearningImportBenchmark {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] MONTHS = { "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค." };

    public static void main(String[] args) throws Exception {
        boolean memory = false;
        int rows = 5_000;
        int staffCount = 1_000;
        int courses = 20;
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            switch (parts[0]) {
                case "store" -> memory = parts[1].equals("memory");
                case "rows" -> rows = Integer.parseInt(parts[1]);
                case "staff" -> staffCount = Integer.parseInt(parts[1]);
                case "courses" -> courses = Integer.parseInt(parts[1]);
                default -> throw new IllegalArgumentException("options: --store=persistent|memory --rows=N --staff=N --courses=N");
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Learning-record import benchmark %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf(Locale.ROOT, "Machine: %d CPUs; Java %s, max heap %,d MiB; JVM args %s%n", runtime.availableProcessors(),
                System.getProperty("java.version"), runtime.maxMemory() / 1024 / 1024, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "Options: store=%s rows=%d staff=%d courses=%d%n", memory ? "memory" : "persistent", rows, staffCount, courses);

        Path dataDir = Files.createTempDirectory("phatthana-import-bench-");
        ConfigurableApplicationContext app = new SpringApplication(PhatthanaApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.de.bwaldvogel.mongo=ERROR", "--phatthana.store.mongodb-uri=",
                "--phatthana.store.mode=" + (memory ? "memory" : "persistent"), "--phatthana.store.data-dir=" + dataDir,
                "--phatthana.demo.enabled=false", "--phatthana.bootstrap.national-enabled=false");
        try {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            Tenant tenant = app.getBean(TenantService.class).create("IMPB" + System.nanoTime() % 100000, "อบต.นำเข้าเกณฑ์มาตรฐาน",
                    "Import benchmark SAO", TenantKind.SAO, null, "หนองคาย", "สังคม");
            AppUser hr = app.getBean(AppUserService.class).createTenantUser(tenant.id(), "เจ้าหน้าที่บุคคล", "hr@bench.go.th",
                    Set.of(Role.HR_OFFICER));
            String token = app.getBean(AccessTokenService.class).issueForUser(hr, "benchmark", Duration.ofHours(4)).value();
            StaffService staff = app.getBean(StaffService.class);
            long begin = System.nanoTime();
            for (int i = 0; i < staffCount; i++) {
                XapiIdentity identity = i % 2 == 0 ? XapiIdentity.ofMbox("mailto:staff" + i + "@sangkhom.go.th")
                        : XapiIdentity.ofAccount("https://elearning.dla.go.th", "learner" + i);
                var outcome = staff.create(tenant.id(), new StaffDraft("S" + i, i % 3 == 0 ? "นาง" : "นาย", "ผู้เรียน" + thai(i), "ทดสอบ" + thai(i * 7),
                        PersonnelType.LOCAL_OFFICIAL, "นักทรัพยากรบุคคล", PositionType.GENERAL, new LineOfWork("HR", "นักทรัพยากรบุคคล"),
                        "ปฏิบัติการ", null, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 7, 1), EmploymentStatus.ACTIVE, List.of(identity), null));
                if (!outcome.problems().isEmpty()) {
                    throw new IllegalStateException("staff refused: " + outcome.problems());
                }
            }
            plan(app.getBean(MongoTemplate.class), tenant.id(), courses);
            System.out.printf(Locale.ROOT, "Tenant, %d staff, plan in force with %d courses in %.1f s%n", staffCount, courses,
                    (System.nanoTime() - begin) / 1e9);

            byte[] file = export(rows, staffCount, courses);
            System.out.printf(Locale.ROOT, "Export: %,d rows, %,d bytes of XLSX%n", rows, file.length);

            Timed preview = upload(base, token, file, "preview");
            check(preview, "problems", 0);
            check(preview, "toWrite", rows);
            Timed confirm = upload(base, token, file, "confirm");
            check(confirm, "written", rows);
            Timed again = upload(base, token, file, "confirm");
            check(again, "written", 0);
            check(again, "alreadyImported", rows);
            System.out.printf(Locale.ROOT, "Preview of %,d rows:           %6.2f s (goal < 10 s)%n", rows, preview.seconds);
            System.out.printf(Locale.ROOT, "Confirm (write %,d statements): %6.2f s (goal < 30 s)%n", rows, confirm.seconds);
            System.out.printf(Locale.ROOT, "Same file again (nothing new):  %6.2f s%n", again.seconds);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private record Timed(JsonNode json, double seconds) {
    }

    private static void check(Timed timed, String field, int expected) {
        JsonNode value = timed.json.path(field);
        int actual = value.isArray() ? value.size() : value.asInt();
        if (actual != expected) {
            throw new IllegalStateException(field + " is " + actual + ", expected " + expected + ": "
                    + timed.json.path("problems").toString().substring(0, Math.min(2000, timed.json.path("problems").toString().length())));
        }
    }

    /** A number in Thai words-ish letters, so names differ as Thai names do (no digits in names). */
    private static String thai(int n) {
        String letters = "กขคงจฉชซญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ";
        StringBuilder out = new StringBuilder();
        do {
            out.append(letters.charAt(n % letters.length()));
            n /= letters.length();
        } while (n > 0);
        return out.toString();
    }

    /** The DLA export: unique person × course × date rows, people named three ways, dates in three forms. */
    private static byte[] export(int rows, int staffCount, int courses) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("รายงาน");
            String[] header = { "ชื่อผู้ใช้", "ชื่อ-นามสกุล", "อีเมล", "หลักสูตร", "วันที่สำเร็จการศึกษา", "ชั่วโมงเรียน", "คะแนน", "ผลการเรียน" };
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            LocalDate start = LocalDate.of(2025, 10, 1);
            for (int r = 0; r < rows; r++) {
                int person = r % staffCount;
                int course = (r / staffCount) % courses;
                LocalDate date = start.plusDays((r / (staffCount * courses)) + person % 60);
                Row row = sheet.createRow(r + 1);
                String[] cells = new String[header.length];
                switch (r % 3) {
                    case 0 -> cells[1] = (person % 3 == 0 ? "นาง " : "นาย ") + "ผู้เรียน" + thai(person) + "  ทดสอบ" + thai(person * 7);
                    case 1 -> {
                        if (person % 2 == 0) {
                            cells[2] = "staff" + person + "@sangkhom.go.th";
                        } else {
                            cells[0] = "learner" + person;
                        }
                    }
                    default -> cells[1] = "ผู้เรียน" + thai(person) + " ทดสอบ" + thai(person * 7);
                }
                cells[3] = "หลักสูตรที่ " + (course + 1);
                int be = date.getYear() + 543;
                cells[4] = switch (r % 3) {
                    case 0 -> String.format(Locale.ROOT, "%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), be);
                    case 1 -> date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + be;
                    default -> null;
                };
                cells[5] = String.valueOf(1 + r % 6);
                cells[6] = String.valueOf(60 + r % 41);
                cells[7] = r % 2 == 0 ? "ผ่าน" : "สำเร็จ";
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
                if (cells[4] == null) {
                    // an Excel serial date typed as a number
                    row.createCell(4).setCellValue(date.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void plan(MongoTemplate mongo, String tenantId, int count) {
        List<PlanContent.Course> courses = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            courses.add(new PlanContent.Course("course-" + c, "หลักสูตรที่ " + (c + 1), "Course " + (c + 1), null,
                    PlanContent.CourseCategory.JOB_DUTIES, List.of(), List.of(PlanContent.DevelopmentMethod.E_LEARNING), null,
                    new PlanContent.Target(true, null, null, null, null, null, null), new PlanContent.Schedule(List.of(2569), List.of(1), null),
                    List.of(new PlanContent.CourseYear(2569, 100, 0)),
                    new PlanContent.Xapi(List.of("https://elearning.dla.go.th/courses/" + c), PlanContent.CompletionRule.DEFAULT)));
        }
        String planId = tenantId + "/" + UUID.randomUUID();
        Instant now = Instant.now();
        mongo.insert(new Plan(planId, tenantId, "แผนพัฒนาบุคลากร (benchmark)", 2569, null, null, 0,
                List.of(new Plan.Announcement(0, LocalDate.of(2025, 10, 1), Plan.Actor.SYSTEM, now)), now, Plan.Actor.SYSTEM, now, null));
        Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, null, "1/2568", LocalDate.of(2025, 9, 1), "ก.อบต.จังหวัด",
                Plan.Actor.SYSTEM, now);
        mongo.insert(new PlanVersion(PlanVersion.id(planId, 0), tenantId, planId, 0, null,
                new PlanContent(null, List.of(), courses, null, null, null, null), now, Plan.Actor.SYSTEM, List.of(approval), now,
                Plan.Actor.SYSTEM, approval));
    }

    private static Timed upload(String base, String token, byte[] file, String mode) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] { { "source", "DLA_ELEARNING" }, { "mode", mode } }) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dla-export.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/learning-records/import"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long begin = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(mode + ": HTTP " + response.statusCode() + " " + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        return new Timed(JSON.readTree(response.body()), seconds);
    }
}
