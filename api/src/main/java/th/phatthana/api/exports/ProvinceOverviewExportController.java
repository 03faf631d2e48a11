package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.schema.Glossary;
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
 * The province roll-up for oversight:
 * {@code GET /api/exports/province-progress?province=หนองคาย&fiscalYear=2570[&kind=SAO][&format=xlsx|pdf|csv][&digits=thai]}
 * — one row per organisation (plan status, staff developed and their share, hours per person,
 * courses delivered, indicators met, budget and spending), with the province's totals and the
 * organisations' medians at the foot. The figures of {@code provinceOverview}, with the same rights
 * (no credentials 401; a tenant user, or a committee asking for another province or kind, 403; a
 * national user without a province 400). {@code /api/exports/province-overview} is the same as XLSX
 * (the console's link).
 */
@RestController
class ProvinceOverviewExportController {

    static final String PATH = "/api/exports/province-progress";
    static final String TITLE = "รายงานภาพรวมความก้าวหน้าการพัฒนาบุคลากรระดับจังหวัด";

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
        return export(request, province, kind, fiscalYear, "xlsx", null);
    }

    @GetMapping(PATH)
    ResponseEntity<?> export(HttpServletRequest request, @RequestParam(name = "province", required = false) String province,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "fiscalYear", required = false) Integer fiscalYear,
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "digits", required = false) String digits) {
        Caller caller = Callers.current(request);
        try {
            Callers.require(caller);
            ExportFormat exportFormat = ExportFormat.parse(format);
            if (exportFormat == null) {
                throw ApiException.badRequest("format", "ต้องเป็น xlsx, csv หรือ pdf", "is xlsx, csv or pdf");
            }
            boolean thaiDigits = ExportController.thaiDigits(digits);
            TenantKind tenantKind = kind == null || kind.isBlank() ? null : kind(kind);
            Overview overview = overviews.overview(province, tenantKind, fiscalYear, caller);
            ReportDocument document = document(overview);
            return ExportController.file(exportFormat.mediaType(), exportFormat.fileName(document), exportFormat.write(document, thaiDigits));
        } catch (ApiException e) {
            return ExportController.error(e, request);
        }
    }

    private static TenantKind kind(String kind) {
        try {
            return TenantKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "ต้องเป็น PAO (อบจ.), MUNICIPALITY (เทศบาล), SAO (อบต.) หรือ PATTAYA (เมืองพัทยา)", "is PAO, MUNICIPALITY, SAO or PATTAYA");
        }
    }

    private ReportDocument document(Overview overview) {
        String kind = overview.kind() == null ? "ทุกประเภท" : overview.kind().thaiName();
        ZonedDateTime now = ZonedDateTime.now(FiscalYears.BANGKOK);
        return new ReportDocument(TITLE, List.of(
                new ReportDocument.Line("จังหวัด", overview.province()),
                new ReportDocument.Line("ประเภทองค์กรปกครองส่วนท้องถิ่น", kind),
                new ReportDocument.Line(Glossary.FISCAL_YEAR + "ที่รายงาน (พ.ศ.)", (long) overview.fiscalYear()),
                new ReportDocument.Line("จำนวนองค์กร", overview.organisations().size() + " แห่ง"),
                new ReportDocument.Line(ReportDocument.DATA_AS_OF, ThaiDates.dateTime(now))),
                List.of(table(overview)), List.of("ผู้รายงาน", "ผู้ตรวจสอบ"),
                "จังหวัด" + overview.province() + " · " + ThaiDates.fiscalYear(overview.fiscalYear()), now,
                "province-progress-" + overview.fiscalYear());
    }

    /** The figures of one organisation that the foot rows add up; null where it has no approved plan's progress. */
    private record Figures(long staff, long developed, double hours, long planned, long delivered, long met, long measured,
            double budget, double spent) {

        BigDecimal developedShare() {
            return staff == 0 ? null : percent(developed, staff);
        }

        BigDecimal hoursPerPerson() {
            return staff == 0 ? null : BigDecimal.valueOf(hours / staff).setScale(2, RoundingMode.HALF_UP);
        }

        BigDecimal spentShare() {
            return budget == 0 ? null : percent(spent, budget);
        }

        static BigDecimal percent(double part, double whole) {
            return BigDecimal.valueOf(part * 100 / whole).setScale(1, RoundingMode.HALF_UP);
        }
    }

    private ReportTable table(Overview overview) {
        ReportTable.Builder table = ReportTable.builder("organisations", "องค์กรปกครองส่วนท้องถิ่น").text("รหัส")
                .text("องค์กรปกครองส่วนท้องถิ่น").text("อำเภอ").text(Glossary.PLAN).text("สถานะแผน").decimal("บุคลากร (คน)")
                .decimal("ได้รับการพัฒนา (คน)").percent("ร้อยละที่ได้รับการพัฒนา").decimal("ชั่วโมงต่อคน").decimal("หลักสูตรตามแผนปีนี้")
                .decimal("หลักสูตรที่ดำเนินการแล้ว").decimal("ตัวชี้วัดที่บรรลุ").decimal("ตัวชี้วัดที่วัดได้").decimal("งบประมาณตามแผน (บาท)")
                .decimal(Glossary.SPENT + " (บาท)").percent(Glossary.SPENT_SHARE);
        List<Figures> all = new ArrayList<>();
        for (Entry entry : overview.organisations()) {
            PlanProgress progress = overviews.progress(entry);
            Figures f = progress == null ? null : figures(progress);
            if (f != null) {
                all.add(f);
            }
            table.row(entry.organisation().code(), entry.organisation().nameTh(), entry.organisation().district(),
                    entry.plan() == null ? "ไม่มีแผน" : entry.plan().title(),
                    entry.plan() == null ? null : PLAN_STATUS_TH.get(overviews.status(entry.plan()).name()),
                    f == null ? null : f.staff(), f == null ? null : f.developed(), f == null ? null : f.developedShare(),
                    f == null ? null : f.hoursPerPerson(), f == null ? null : f.planned(), f == null ? null : f.delivered(),
                    f == null ? null : f.met(), f == null ? null : f.measured(), f == null ? null : money(f.budget()),
                    f == null ? null : money(f.spent()), f == null ? null : f.spentShare());
        }
        if (!all.isEmpty()) {
            // the province's shares are parts of the province's wholes, not averages of the organisations' shares
            Figures total = new Figures(sum(all, Figures::staff), sum(all, Figures::developed), all.stream().mapToDouble(Figures::hours).sum(),
                    sum(all, Figures::planned), sum(all, Figures::delivered), sum(all, Figures::met), sum(all, Figures::measured),
                    all.stream().mapToDouble(Figures::budget).sum(), all.stream().mapToDouble(Figures::spent).sum());
            table.row("", "รวม " + all.size() + " แห่ง", "", "", "", total.staff(), total.developed(), total.developedShare(),
                    total.hoursPerPerson(), total.planned(), total.delivered(), total.met(), total.measured(), money(total.budget()),
                    money(total.spent()), total.spentShare());
            table.row("", "มัธยฐาน", "", "", "", median(all, f -> f.staff()), median(all, f -> f.developed()),
                    median(all, Figures::developedShare), median(all, Figures::hoursPerPerson), median(all, f -> f.planned()),
                    median(all, f -> f.delivered()), median(all, f -> f.met()), median(all, f -> f.measured()),
                    median(all, f -> money(f.budget())), median(all, f -> money(f.spent())), median(all, Figures::spentShare));
        }
        return table.build();
    }

    private static Figures figures(PlanProgress progress) {
        long planned = progress.courses().stream().filter(c -> c.planned()).count();
        long delivered = progress.courses().stream().filter(c -> c.planned() && c.delivered()).count();
        long measured = progress.indicators().stream().filter(i -> i.met() != null).count();
        long met = progress.indicators().stream().filter(i -> Boolean.TRUE.equals(i.met())).count();
        return new Figures(progress.staffCount(), progress.staffDeveloped(), progress.totalHours(), planned, delivered, met, measured,
                progress.budget().planned(), progress.budget().spent());
    }

    private static BigDecimal money(double baht) {
        return BigDecimal.valueOf(baht).setScale(2, RoundingMode.HALF_UP);
    }

    private static long sum(List<Figures> all, java.util.function.ToLongFunction<Figures> figure) {
        return all.stream().mapToLong(figure).sum();
    }

    /**
     * The median of the organisations that have the figure (the mean of the middle two for an even
     * count): a whole number of people stays a whole number, half a person shows as .5.
     */
    static Object median(List<Figures> all, java.util.function.Function<Figures, Object> figure) {
        List<Object> present = all.stream().map(figure).filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        List<BigDecimal> values = present.stream().map(v -> v instanceof BigDecimal b ? b : new BigDecimal(v.toString())).sorted().toList();
        int middle = values.size() / 2;
        BigDecimal median = values.size() % 2 == 1 ? values.get(middle)
                : values.get(middle - 1).add(values.get(middle)).divide(BigDecimal.TWO);
        if (present.get(0) instanceof Long) {
            return median.stripTrailingZeros().scale() <= 0 ? (Object) median.longValueExact() : median.setScale(1, RoundingMode.HALF_UP);
        }
        return median.setScale(values.get(0).scale(), RoundingMode.HALF_UP);
    }
}
