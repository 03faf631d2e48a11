package th.phatthana.api.oversight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import th.phatthana.api.access.Callers;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.plans.PlanStatus;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.progress.ProgressService;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;

/**
 * The province overview (ภาพรวมจังหวัด): every organisation of a province (and kind) with the plan
 * covering a fiscal year and that plan's progress. A provincial committee sees its own province
 * and kind; a national user names the province. Plans are those the caller may read (oversight:
 * submitted at least once), progress is {@code planProgress} of approved plans.
 */
@Service
public class ProvinceOverviewService {

    public static final String XLSX_PATH = "/api/exports/province-overview";

    private final TenantService tenants;
    private final PlanService plans;
    private final ProgressService progress;

    ProvinceOverviewService(TenantService tenants, PlanService plans, ProgressService progress) {
        this.tenants = tenants;
        this.plans = plans;
        this.progress = progress;
    }

    public record Overview(String province, TenantKind kind, int fiscalYear, List<Entry> organisations) {

        /** The XLSX of this overview on this server. */
        public String xlsxUrl() {
            return XLSX_PATH + "?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8) + "&fiscalYear=" + fiscalYear
                    + (kind == null ? "" : "&kind=" + kind.name());
        }
    }

    /** One organisation; {@code progress} is computed when asked for. */
    public record Entry(Tenant organisation, Plan plan, int fiscalYear, Caller caller) {
    }

    public Overview overview(String province, TenantKind kind, Integer fiscalYear, Caller caller) {
        Callers.require(caller);
        String scopeProvince;
        TenantKind scopeKind;
        if (caller.isNational()) {
            if (province == null || province.isBlank()) {
                throw ApiException.badRequest("province", "ผู้ใช้ส่วนกลางต้องระบุจังหวัด", "a national user names the province");
            }
            scopeProvince = province.strip();
            scopeKind = kind;
        } else if (caller.has(Role.PROVINCIAL_COMMITTEE)) {
            if (province != null && !province.strip().equals(caller.province()) || kind != null && kind != caller.committeeKind()) {
                throw ApiException.forbidden("กรรมการระดับจังหวัดดูได้เฉพาะองค์กรปกครองส่วนท้องถิ่นในจังหวัดและประเภทของตนเท่านั้น", "a provincial committee sees the organisations of its own province and kind only");
            }
            scopeProvince = caller.province();
            scopeKind = caller.committeeKind();
        } else {
            throw ApiException.forbidden("ภาพรวมระดับจังหวัดเปิดดูได้เฉพาะกรรมการระดับจังหวัดและผู้ใช้ส่วนกลาง", "the province overview is for provincial committees and national users");
        }
        int year = fiscalYear != null ? fiscalYear : progress.currentFiscalYear();
        List<Entry> entries = tenants.all().stream()
                .filter(caller::canRead)
                .filter(tenant -> tenant.province().equals(scopeProvince))
                .filter(tenant -> scopeKind == null || tenant.kind() == scopeKind)
                .sorted(Comparator.comparing(Tenant::code))
                .map(tenant -> new Entry(tenant, planCovering(tenant, year, caller), year, caller))
                .toList();
        return new Overview(scopeProvince, scopeKind, year, entries);
    }

    /** The progress of the entry's plan in its fiscal year; null without an approved plan. */
    public PlanProgress progress(Entry entry) {
        if (entry.plan() == null || !entry.plan().isApproved()) {
            return null;
        }
        return progress.planProgress(entry.plan().id(), entry.fiscalYear(), entry.caller());
    }

    public PlanStatus status(Plan plan) {
        return plan.statusOn(plans.today());
    }

    private Plan planCovering(Tenant tenant, int year, Caller caller) {
        return plans.plansOf(tenant, caller).stream().filter(plan -> plan.covers(year)).findFirst().orElse(null);
    }
}
