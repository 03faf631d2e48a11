package th.phatthana.api.exports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import th.phatthana.schema.Glossary;
import th.phatthana.api.access.Callers;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;

/**
 * The progress export, {@code GET /api/exports/progress?planId=…&fiscalYear=2567&format=xlsx|csv|pdf},
 * and the GraphQL field {@code progressExportUrl} that gives its link. Bearer token as the GraphQL
 * API, and the same reading rights as {@code planProgress}: no token 401, a plan the caller may not
 * read (another organisation's, an oversight caller's unsubmitted draft) 404 as a missing one. See docs/api.md.
 */
@Controller
class ExportController {

    static final String PATH = "/api/exports/progress";

    private final PlanService plans;
    private final ProgressReportSource source;

    ExportController(PlanService plans, ProgressReportSource source) {
        this.plans = plans;
        this.source = source;
    }

    @GetMapping(PATH)
    @ResponseBody
    ResponseEntity<?> progress(HttpServletRequest request, @RequestParam(name = "planId", required = false) String planId,
            @RequestParam(name = "fiscalYear", required = false) String fiscalYear,
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "digits", required = false) String digits) {
        Caller caller = Callers.current(request);
        try {
            Callers.require(caller);
            ExportFormat exportFormat = ExportFormat.parse(format);
            if (exportFormat == null) {
                throw ApiException.badRequest("format", "ต้องเป็น xlsx, csv หรือ pdf", "is xlsx, csv or pdf");
            }
            if (planId == null || planId.isBlank()) {
                throw ApiException.badRequest("planId", "ต้องระบุ" + Glossary.PLAN, "is required");
            }
            int year = checkedYear(plans.read(planId, caller), fiscalYear);
            ProgressReport report = source.report(planId, year, caller);
            byte[] content = exportFormat.write(report.document(), thaiDigits(digits));
            return file(exportFormat.mediaType(), exportFormat.fileName(report), content);
        } catch (ApiException e) {
            return error(e, request);
        }
    }

    /** The link to the export, for a plan the caller may read; fetch it with the same bearer token. */
    @QueryMapping
    String progressExportUrl(@Argument String planId, @Argument Integer fiscalYear, @Argument ExportFormat format,
            @ContextValue Caller caller) {
        Plan plan = plans.read(planId, caller);
        int year = checkedYear(plan, fiscalYear == null ? null : fiscalYear.toString());
        return PATH + "?planId=" + URLEncoder.encode(plan.id(), StandardCharsets.UTF_8) + "&fiscalYear=" + year + "&format="
                + format.parameter();
    }

    /** The fiscal year asked for, which must be one of the plan's; by default the current one if the plan covers it. */
    private int checkedYear(Plan plan, String fiscalYear) {
        int year;
        if (fiscalYear == null || fiscalYear.isBlank()) {
            year = FiscalYears.of(plans.today());
        } else {
            try {
                year = Integer.parseInt(fiscalYear.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("fiscalYear", Glossary.FISCAL_YEAR + "เป็นปี พ.ศ. เช่น 2567", "a Buddhist-Era year such as 2567");
            }
        }
        if (!plan.covers(year)) {
            throw ApiException.badRequest("fiscalYear", "แผนนี้ครอบคลุม" + Glossary.FISCAL_YEAR + " " + plan.fiscalYearStart() + "–" + plan.fiscalYearEnd() + " เท่านั้น", "the plan covers the fiscal years " + plan.fiscalYearStart() + "–"
                    + plan.fiscalYearEnd());
        }
        return year;
    }

    /** A downloaded file: its type, its name as an attachment, never cached (it holds an organisation's figures). */
    static ResponseEntity<byte[]> file(MediaType type, String name, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    /** {@code digits=thai}: numbers in Thai digits (PDF); {@code arabic} or nothing: Arabic digits. */
    static boolean thaiDigits(String digits) {
        if (digits == null || digits.isBlank() || digits.strip().equalsIgnoreCase("arabic")) {
            return false;
        }
        if (digits.strip().equalsIgnoreCase("thai")) {
            return true;
        }
        throw ApiException.badRequest("digits", "ต้องเป็น thai (เลขไทย) หรือ arabic (เลขอารบิก)", "is thai or arabic");
    }

    static ResponseEntity<Map<String, Object>> error(ApiException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(Map.of("error", e.getMessage(RequestLanguage.of(request)), "code", e.code()));
    }
}
