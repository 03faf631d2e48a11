package th.phatthana.api.plans;

import static th.phatthana.api.plans.PlanApi.ok;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** What the plan tests share: tenants in a province of their own, callers, the clock, and an approved plan. */
abstract class PlanTestSupport extends IntegrationTest {

    private static final AtomicInteger PROVINCES = new AtomicInteger();

    @Autowired
    TestTenants tenants;

    @Autowired
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A province no other test uses, so review queues hold this test's plans only. */
    static String freshProvince() {
        return "จังหวัดทดสอบ" + System.nanoTime() + "-" + PROVINCES.incrementAndGet();
    }

    Tenant sao(String province) {
        return tenants.tenant("อบต.ทดสอบแผน", TenantKind.SAO, province);
    }

    PlanApi as(Tenant tenant, Role... roles) {
        return new PlanApi(baseUrl(), tenants.token(tenant, roles));
    }

    PlanApi admin(Tenant tenant) {
        return as(tenant, Role.TENANT_ADMIN);
    }

    PlanApi committee(String province, TenantKind kind) {
        return new PlanApi(baseUrl(), tenants.committeeToken(province, kind));
    }

    PlanApi national() {
        return new PlanApi(baseUrl(), tenants.nationalToken());
    }

    void setBangkok(String localDateTime) {
        clock.setBangkok(LocalDateTime.parse(localDateTime));
    }

    /** A plan from the master plan, submitted, approved and announced with the given dates (clock set to the announcement). */
    JsonNode approvedPlan(Tenant tenant, PlanApi author, int start, String resolutionDate, String announcementDate) {
        setBangkok(announcementDate + "T10:00");
        String id = ok(author.createFromMasterPlan(start), "createPlanFromMasterPlan").path("id").asString();
        ok(author.submit(id), "submitPlan");
        ok(committee(tenant.province(), tenant.kind()).approve(id, "มติที่ 1/" + start, resolutionDate), "approvePlan");
        return ok(author.announce(id, announcementDate), "announcePlan");
    }
}
