package th.phatthana.api.exports;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import th.phatthana.api.access.Callers;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.Glossary;
import th.phatthana.tenants.access.Caller;

/**
 * The plan document, {@code GET /api/exports/plan?planId=…&version=N&format=pdf|docx}: the 3-year
 * development plan as the organisation files it. Bearer token as the GraphQL API and the rights of
 * reading the plan: no token 401, a plan the caller may not read 404 as a missing one, a version the
 * plan does not have 404, a bad format or version 400. See docs/api.md.
 */
@Controller
class PlanDocumentController {

    static final String PATH = "/api/exports/plan";
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final PlanService plans;
    private final PlanDocument source;

    PlanDocumentController(PlanService plans, PlanDocument source) {
        this.plans = plans;
        this.source = source;
    }

    @GetMapping(PATH)
    @ResponseBody
    ResponseEntity<?> plan(HttpServletRequest request, @RequestParam(name = "planId", required = false) String planId,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "format", defaultValue = "pdf") String format,
            @RequestParam(name = "digits", required = false) String digits) {
        Caller caller = Callers.current(request);
        try {
            Callers.require(caller);
            String kind = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!kind.equals("pdf") && !kind.equals("docx")) {
                throw ApiException.badRequest("format", "ต้องเป็น pdf หรือ docx", "is pdf or docx");
            }
            if (planId == null || planId.isBlank()) {
                throw ApiException.badRequest("planId", "ต้องระบุ" + Glossary.PLAN, "is required");
            }
            Integer number = null;
            if (version != null && !version.isBlank()) {
                try {
                    number = Integer.parseInt(version.strip());
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("version", "ฉบับของแผนเป็นตัวเลข: 0 ฉบับแรก, N ฉบับปรับปรุง ครั้งที่ N",
                            "a number: 0 the original, N amendment N");
                }
            }
            boolean thai = ExportController.thaiDigits(digits);
            Plan plan = plans.read(planId, caller);
            ReportDocument document = source.document(plan, source.revision(plan, number, caller));
            byte[] content = kind.equals("pdf") ? new PdfReportWriter(thai).bytes(document) : new DocxReportWriter().bytes(document);
            return ExportController.file(kind.equals("pdf") ? MediaType.APPLICATION_PDF : DOCX, document.fileStem() + "." + kind, content);
        } catch (ApiException e) {
            return ExportController.error(e, request);
        }
    }
}
