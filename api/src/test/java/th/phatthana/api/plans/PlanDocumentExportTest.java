package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.ok;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

import th.phatthana.schema.Glossary;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** The plan document (GET /api/exports/plan) over HTTP: who may fetch it, and its content against the GraphQL plan query. */
class PlanDocumentExportTest extends PlanTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String PATH = "/api/exports/plan";
    private static final List<String> HEADINGS = List.of("หลักการและเหตุผล", "เป้าหมายการพัฒนา", "หลักสูตรการพัฒนา",
            "วิธีการพัฒนาและระยะเวลาดำเนินการพัฒนา", "งบประมาณ", "การติดตามและประเมินผล");

    private HttpResponse<byte[]> get(String planId, String rest, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(baseUrl() + PATH + "?planId=" + URLEncoder.encode(planId, StandardCharsets.UTF_8) + rest)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What the document must say, from the GraphQL plan query. */
    record Expected(String title, String course, String target, String position) {
        static Expected of(JsonNode plan) {
            JsonNode content = plan.path("content");
            JsonNode indicator = content.path("goals").path(0).path("indicators").path(0);
            double value = indicator.path("targets").path(0).path("value").asDouble();
            String target = value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
            JsonNode member = null;
            for (JsonNode m : content.path("committee").path("members")) {
                if (!m.path("position").asString("").isBlank()) {
                    member = m;
                    break;
                }
            }
            assertThat(member).as(plan.toString()).isNotNull();
            return new Expected(plan.path("title").asString(), content.path("courses").path(0).path("titleTh").asString(), target,
                    member.path("position").asString());
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s", "");
    }

    private static void assertContent(String text, Expected expected, String versionLabel) {
        assertContent(text, expected, versionLabel, true);
    }

    /** @param cellsInOrder whether a wrapped table cell comes out whole (PDFBox, XWPF; pdftotext reads a row line by line across the cells) */
    private static void assertContent(String text, Expected expected, String versionLabel, boolean cellsInOrder) {
        String flat = squeeze(text);
        if (cellsInOrder) {
            assertThat(flat).contains(squeeze(expected.course()));
        }
        for (String heading : HEADINGS) {
            assertThat(flat).contains(squeeze(heading));
        }
        assertThat(flat).contains(squeeze(expected.title())).contains(squeeze(expected.position()))
                .contains(squeeze(versionLabel)).contains("ปลัดองค์การบริหารส่วนตำบล").contains("นายกองค์การบริหารส่วนตำบล")
                .contains("ลงชื่อ").doesNotContain("ผู้รายงาน");
        assertThat(text).containsPattern("(?<![0-9.,])" + java.util.regex.Pattern.quote(expected.target()) + "(?![0-9])");
    }

    @Test
    void theDraftAndTheApprovedVersionAsPdfAndDocx() throws Exception {
        String province = freshProvince();
        Tenant tenant = sao(province);
        PlanApi author = admin(tenant);
        String token = tenants.token(tenant, Role.TENANT_ADMIN);
        setBangkok("2026-08-01T10:00");
        String id = ok(author.createFromMasterPlan(2570), "createPlanFromMasterPlan").path("id").asString();
        JsonNode plan = author.plan(id).path("data").path("plan");
        Expected expected = Expected.of(plan);

        HttpResponse<byte[]> pdf = get(id, "&format=pdf", token);
        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("plan-" + tenant.code().replaceAll("[^A-Za-z0-9_-]", ""))
                .contains("-2570-v0.pdf");
        Files.write(Path.of("target", "plan-document-sample.pdf"), pdf.body()); // for the eye
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertContent(new PDFTextStripper().getText(document), expected, Glossary.versionLabel(0));
        }
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (Files.isExecutable(pdftotext)) {
            Path file = Files.createTempFile("plan", ".pdf");
            try {
                Files.write(file, pdf.body());
                Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
                String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor()).as(text).isZero();
                assertContent(text, expected, Glossary.versionLabel(0), false);
            } finally {
                Files.delete(file);
            }
        }

        HttpResponse<byte[]> docx = get(id, "&version=0&format=docx", token);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("-2570-v0.docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertContent(extractor.getText(), expected, Glossary.versionLabel(0));
            XWPFRun first = document.getParagraphs().get(0).getRuns().get(0);
            assertThat(first.getFontFamily(XWPFRun.FontCharRange.cs)).isEqualTo("TH Sarabun New");
            assertThat(first.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("TH Sarabun New");
            assertThat(document.getTables()).isNotEmpty();
        }

        assertThat(get(id, "&version=1&format=pdf", token).statusCode()).isEqualTo(404);

        // approved: the version in force is the default, and the draft is gone
        setBangkok("2026-09-20T10:00");
        ok(author.submit(id), "submitPlan");
        ok(committee(province, tenant.kind()).approve(id, "มติที่ 1/2570", "2026-09-15"), "approvePlan");
        HttpResponse<byte[]> approved = get(id, "&format=pdf", token);
        assertThat(approved.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(approved.body())) {
            String text = new PDFTextStripper().getText(document);
            assertContent(text, expected, Glossary.versionLabel(0));
            assertThat(squeeze(text)).contains("ได้รับความเห็นชอบ").contains("1/2570");
        }
    }

    @Test
    void rightsAndBadRequests() throws Exception {
        String province = freshProvince();
        Tenant own = sao(province);
        Tenant other = tenants.tenant("อบต.ทดสอบแผนอื่น", own.kind(), province);
        String ownToken = tenants.token(own, Role.TENANT_ADMIN);
        String otherToken = tenants.token(other, Role.TENANT_ADMIN);
        setBangkok("2026-08-01T10:00");
        String id = ok(admin(own).createFromMasterPlan(2570), "createPlanFromMasterPlan").path("id").asString();

        HttpResponse<byte[]> anonymous = get(id, "&format=pdf", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        HttpResponse<byte[]> foreign = get(id, "&format=pdf", otherToken);
        assertThat(foreign.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> missing = get(id + "x", "&format=pdf", ownToken);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).isEqualTo(new String(missing.body(), StandardCharsets.UTF_8));
        assertThat(get(id, "&version=7&format=docx", ownToken).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> badFormat = get(id, "&format=xlsx", ownToken);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(new String(badFormat.body(), StandardCharsets.UTF_8)).contains("docx");
        assertThat(get(id, "&version=first&format=pdf", ownToken).statusCode()).isEqualTo(400);
    }
}
