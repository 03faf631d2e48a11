package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.api.access.Callers;
import th.phatthana.api.oversight.ProvinceOverviewService.Entry;
import th.phatthana.api.oversight.ProvinceOverviewService.Overview;
import th.phatthana.api.oversight.ProvinceOverviewService;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.api.time.ThaiDates;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.tenant.TenantKind;

/**
 * The province overview as an XLSX workbook:
 * {@code GET /api/exports/province-overview?province=หนองคาย&fiscalYear=2570[&kind=SAO]}, the
 * figures of {@code provinceOverview} with the same rights (no credentials 401, a tenant user or
 * another province of a committee 403, a national user without a province 400).
 */
@RestController
class ProvinceOverviewExportController {

    private static final Map<String, String> PLAN_STATUS_TH = Map.of("DRAFT", "ร่าง", "SUBMITTED", "เสนอแล้ว",
            "RETURNED", "ส่งกลับแก้ไข", "APPROVED", "เห็นชอบแล้ว", "IN_FORCE", "ประกาศใช้บังคับ", "CLOSED", "สิ้นสุดแล้ว");

    private final ProvinceOverviewService overviews;

    ProvinceOverviewExportController(ProvinceOverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping(ProvinceOverviewService.XLSX_PATH)
    ResponseEntity<?> xlsx(HttpServletRequest request, @RequestParam(name = "province", required = false) String province,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "fiscalYear", required = false) Integer fiscalYear) {
        Caller caller = Callers.current(request);
        try {
            TenantKind tenantKind = kind == null || kind.isBlank() ? null : kind(kind);
            Overview overview = overviews.overview(province, tenantKind, fiscalYear, caller);
            byte[] content = new XlsxReportWriter().bytes("ภาพรวมการพัฒนาบุคลากรระดับจังหวัด", List.of(
                    new XlsxReportWriter.InfoLine("รายงาน", "ภาพรวมการพัฒนาบุคลากรระดับจังหวัด"),
                    new XlsxReportWriter.InfoLine("จังหวัด", overview.province()),
                    new XlsxReportWriter.InfoLine("ประเภทองค์กรปกครองส่วนท้องถิ่น",
                            overview.kind() == null ? "ทุกประเภท" : overview.kind().thaiName()),
                    new XlsxReportWriter.InfoLine("ปีงบประมาณที่รายงาน (พ.ศ.)", (long) overview.fiscalYear()),
                    new XlsxReportWriter.InfoLine("จัดทำเมื่อ", ThaiDates.dateTime(ZonedDateTime.now(FiscalYears.BANGKOK)))),
                    List.of(table(overview)));
            String name = "province-overview-" + overview.fiscalYear() + ".xlsx";
            return ResponseEntity.ok().contentType(ExportFormat.XLSX.mediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(content);
        } catch (ApiException e) {
            return ExportController.error(e);
        }
    }

    private static TenantKind kind(String kind) {
        try {
            return TenantKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "is PAO, MUNICIPALITY, SAO or PATTAYA");
        }
    }

    private ReportTable table(Overview overview) {
        List<ReportTable.Column> columns = List.of(
                new ReportTable.Column("รหัส", ReportTable.CellType.TEXT),
                new ReportTable.Column("องค์กรปกครองส่วนท้องถิ่น", ReportTable.CellType.TEXT),
                new ReportTable.Column("อำเภอ", ReportTable.CellType.TEXT),
                new ReportTable.Column("แผนพัฒนาบุคลากร", ReportTable.CellType.TEXT),
                new ReportTable.Column("สถานะแผน", ReportTable.CellType.TEXT),
                new ReportTable.Column("บุคลากร (คน)", ReportTable.CellType.INTEGER),
                new ReportTable.Column("ได้รับการพัฒนา (คน)", ReportTable.CellType.INTEGER),
                new ReportTable.Column("ร้อยละที่ได้รับการพัฒนา", ReportTable.CellType.PERCENT),
                new ReportTable.Column("ชั่วโมงต่อคน", ReportTable.CellType.DECIMAL),
                new ReportTable.Column("หลักสูตรตามแผนปีนี้", ReportTable.CellType.INTEGER),
                new ReportTable.Column("หลักสูตรที่ดำเนินการแล้ว", ReportTable.CellType.INTEGER),
                new ReportTable.Column("ตัวชี้วัดที่บรรลุ", ReportTable.CellType.INTEGER),
                new ReportTable.Column("ตัวชี้วัดที่วัดได้", ReportTable.CellType.INTEGER),
                new ReportTable.Column("งบประมาณตามแผน (บาท)", ReportTable.CellType.DECIMAL),
                new ReportTable.Column("ใช้จริง (บาท)", ReportTable.CellType.DECIMAL),
                new ReportTable.Column("ร้อยละการใช้งบประมาณ", ReportTable.CellType.PERCENT));
        List<List<Object>> rows = new ArrayList<>();
        for (Entry entry : overview.organisations()) {
            List<Object> row = new ArrayList<>();
            row.add(entry.organisation().code());
            row.add(entry.organisation().nameTh());
            row.add(entry.organisation().district());
            row.add(entry.plan() == null ? "ไม่มีแผน" : entry.plan().title());
            row.add(entry.plan() == null ? null : PLAN_STATUS_TH.get(overviews.status(entry.plan()).name()));
            PlanProgress progress = overviews.progress(entry);
            if (progress == null) {
                for (int i = 0; i < 11; i++) {
                    row.add(null);
                }
            } else {
                long planned = progress.courses().stream().filter(c -> c.planned()).count();
                long delivered = progress.courses().stream().filter(c -> c.planned() && c.delivered()).count();
                long measured = progress.indicators().stream().filter(i -> i.met() != null).count();
                long met = progress.indicators().stream().filter(i -> Boolean.TRUE.equals(i.met())).count();
                row.add((long) progress.staffCount());
                row.add((long) progress.staffDeveloped());
                row.add(BigDecimal.valueOf(progress.staffDevelopedShare()));
                row.add(BigDecimal.valueOf(progress.hoursPerPerson()));
                row.add(planned);
                row.add(delivered);
                row.add(met);
                row.add(measured);
                row.add(BigDecimal.valueOf(progress.budget().planned()));
                row.add(BigDecimal.valueOf(progress.budget().spent()));
                row.add(BigDecimal.valueOf(progress.budget().spentShare()));
            }
            rows.add(row);
        }
        return new ReportTable("organisations", "หน่วยงาน", columns, rows);
    }
}
