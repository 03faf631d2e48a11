package th.phatthana.api.demo;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;

import th.phatthana.api.administration.ChosenSecrets;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.PasswordService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiCredentialService;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;

/**
 * On the first start against an empty store: the demo tenant, องค์การบริหารส่วนตำบลสังคม
 * (Sangkhom SAO, Nong Khai), one {@code all}-scoped xAPI credential for it, its first admin, an HR
 * officer and a provincial committee member who can sign in to the console, and its divisions and
 * staff ({@link DemoStaff}).
 */
@Component
@Order(0)
@EnableConfigurationProperties(DemoProperties.class)
class DemoTenantInitializer implements ApplicationRunner {

    static final String DEMO_TENANT_CODE = "6431501";
    private static final Logger log = LoggerFactory.getLogger(DemoTenantInitializer.class);

    private final DemoProperties properties;
    private final TenantService tenants;
    private final XapiCredentialService credentials;
    private final AccessTokenService tokens;
    private final AppUserService users;
    private final DemoPlan demoPlan;
    private final DemoStaff demoStaff;
    private final DemoAssessments demoAssessments;
    private final DemoLearningSimulator simulator;
    private final PasswordService passwords;

    DemoTenantInitializer(DemoProperties properties, TenantService tenants, XapiCredentialService credentials,
            AccessTokenService tokens, AppUserService users, PasswordService passwords, DemoPlan demoPlan,
            DemoStaff demoStaff, DemoAssessments demoAssessments, DemoLearningSimulator simulator) {
        ChosenSecrets.requireUsableToken("PHATTHANA_BOOTSTRAP_ADMIN_TOKEN", properties.bootstrapAdminToken());
        ChosenSecrets.requireUsablePassword("PHATTHANA_DEMO_ADMIN_PASSWORD", properties.adminPassword());
        ChosenSecrets.requireUsablePassword("PHATTHANA_DEMO_HR_PASSWORD", properties.hrPassword());
        ChosenSecrets.requireUsablePassword("PHATTHANA_DEMO_COMMITTEE_PASSWORD", properties.committeePassword());
        this.passwords = passwords;
        this.simulator = simulator;
        this.users = users;
        this.demoStaff = demoStaff;
        this.demoAssessments = demoAssessments;
        this.demoPlan = demoPlan;
        this.properties = properties;
        this.tenants = tenants;
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || tenants.count() > 0) {
            return;
        }
        Tenant tenant = tenants.create(DEMO_TENANT_CODE, "องค์การบริหารส่วนตำบลสังคม", "Sangkhom Subdistrict Administrative Organization",
                TenantKind.SAO, null, "หนองคาย", "สังคม");
        boolean chosen = properties.xapiKey() != null && !properties.xapiKey().isBlank()
                && properties.xapiSecret() != null && !properties.xapiSecret().isBlank();
        XapiCredentialService.IssuedCredential issued = chosen
                ? credentials.issue(tenant.id(), "Demo e-Learning", Set.of(XapiScope.ALL), properties.xapiKey(), properties.xapiSecret())
                : credentials.issue(tenant.id(), "Demo e-Learning", Set.of(XapiScope.ALL));
        if (chosen) {
            log.info("Demo tenant {} created with the xAPI credential from PHATTHANA_DEMO_XAPI_KEY / PHATTHANA_DEMO_XAPI_SECRET (key {})",
                    tenant.nameTh(), issued.credential().key());
        } else {
            log.warn("Demo tenant {} created. xAPI endpoint /xapi/ key: {} secret: {} (shown once; set PHATTHANA_DEMO_XAPI_KEY / "
                    + "PHATTHANA_DEMO_XAPI_SECRET to choose them)", tenant.nameTh(), issued.credential().key(), issued.secret());
        }
        createConsoleUsers(tenant, createBootstrapAdmin(tenant));
        demoStaff.seed(tenant);
        demoAssessments.seed(tenant);
        demoPlan.seed(tenant);
        if (properties.simulateLearning()) {
            simulator.simulateInBackground(tenant, issued.credential().key(), issued.secret());
        }
    }

    /**
     * People to try the console with: the tenant's admin, an HR officer and a member of the Nong Khai
     * SAO committee (ก.อบต.จังหวัดหนองคาย), each with a console password (chosen or generated,
     * printed once). The NATIONAL admin gets its password from the {@code NationalBootstrap}.
     */
    private void createConsoleUsers(Tenant tenant, AppUser admin) {
        AppUser hr = users.createTenantUser(tenant.id(), "นางสาวใจดี งานบุคคล", "hr@sangkhom.example", Set.of(Role.HR_OFFICER));
        AppUser committee = users.createOversightUser("นายกรรมการ ก.อบต.จังหวัดหนองคาย", "committee@nongkhai.example",
                Role.PROVINCIAL_COMMITTEE, tenant.province(), TenantKind.SAO);
        StringBuilder shown = new StringBuilder("Demo console sign-in (e-mail / password):");
        shown.append(setPassword(admin, properties.adminPassword(), "PHATTHANA_DEMO_ADMIN_PASSWORD", "TENANT_ADMIN"));
        shown.append(setPassword(hr, properties.hrPassword(), "PHATTHANA_DEMO_HR_PASSWORD", "HR_OFFICER"));
        shown.append(setPassword(committee, properties.committeePassword(), "PHATTHANA_DEMO_COMMITTEE_PASSWORD",
                "PROVINCIAL_COMMITTEE หนองคาย, SAO"));
        log.warn("{}", shown);
    }

    /** Sets a demo user's password and says how to sign in; a generated password is shown here only. */
    private String setPassword(AppUser user, String chosen, String variable, String role) {
        boolean generated = chosen == null || chosen.isEmpty();
        String password = generated ? PasswordService.generate() : chosen;
        passwords.set(user.id(), password);
        return "\n  " + user.email() + " / " + (generated ? password + " (shown once; set " + variable + " to choose it)"
                : "the password from " + variable) + " — " + role;
    }

    /** The demo tenant's first TENANT_ADMIN, so GraphQL can be used before anyone else exists. */
    private AppUser createBootstrapAdmin(Tenant tenant) {
        AppUser admin = users.createTenantUser(tenant.id(), "ผู้ดูแลระบบ อบต.สังคม", "admin@sangkhom.example", Set.of(Role.TENANT_ADMIN));
        String chosen = properties.bootstrapAdminToken();
        Duration validFor = Duration.ofDays(365);
        if (chosen != null && !chosen.isBlank()) {
            tokens.issueForUserWithValue(admin, "bootstrap admin", validFor, chosen);
            log.info("Bootstrap admin of {} created with the token from PHATTHANA_BOOTSTRAP_ADMIN_TOKEN", tenant.nameTh());
        } else {
            AccessTokenService.IssuedToken issued = tokens.issueForUser(admin, "bootstrap admin", validFor);
            log.warn("Bootstrap admin of {} created. GraphQL bearer token: {} (shown once; set PHATTHANA_BOOTSTRAP_ADMIN_TOKEN "
                    + "to choose it)", tenant.nameTh(), issued.value());
        }
        return admin;
    }
}
