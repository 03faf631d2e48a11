package th.phatthana.api.exports;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import th.phatthana.api.access.Callers;
import th.phatthana.api.idp.IndividualPlan;
import th.phatthana.api.idp.IndividualPlanService;
import th.phatthana.api.problems.ApiException;
import th.phatthana.tenants.access.Caller;

/**
 * The individual development plan form, {@code GET /api/exports/idp?id=…} (A4 PDF with signature lines
 * for the staff member and the supervisor). Bearer token or console session as the GraphQL API, with the
 * rights of reading the plan: no token 401, a plan the caller may not read 404 as a missing one, no id
 * 400. See docs/api.md.
 */
@Controller
class IdpDocumentController {

    static final String PATH = "/api/exports/idp";

    private final IndividualPlanService plans;
    private final IdpDocument source;

    IdpDocumentController(IndividualPlanService plans, IdpDocument source) {
        this.plans = plans;
        this.source = source;
    }

    @GetMapping(PATH)
    @ResponseBody
    ResponseEntity<?> idp(HttpServletRequest request, @RequestParam(name = "id", required = false) String id,
            @RequestParam(name = "digits", required = false) String digits) {
        Caller caller = Callers.current(request);
        try {
            Callers.require(caller);
            if (id == null || id.isBlank()) {
                throw ApiException.badRequest("id", "ต้องระบุแผนพัฒนารายบุคคล", "is required");
            }
            IndividualPlan plan = plans.read(id.strip(), caller);
            ReportDocument document = source.document(plan);
            byte[] content = new PdfReportWriter(ExportController.thaiDigits(digits)).bytes(document);
            return ExportController.file(MediaType.APPLICATION_PDF, document.fileStem() + ".pdf", content);
        } catch (ApiException e) {
            return ExportController.error(e, request);
        }
    }
}
