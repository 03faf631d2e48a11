package th.phatthana.api.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

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

/** Creates tenants and xAPI credentials for tests, each with a fresh code so tests never share data by accident. */
@Component
public class TestTenants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TenantService tenants;
    private final XapiCredentialService credentials;
    private final AccessTokenService tokens;
    private final AppUserService users;
    private final PasswordService passwords;

    public TestTenants(TenantService tenants, XapiCredentialService credentials, AccessTokenService tokens,
            AppUserService users, PasswordService passwords) {
        this.passwords = passwords;
        this.users = users;
        this.tenants = tenants;
        this.credentials = credentials;
        this.tokens = tokens;
    }

    /** Test tokens never expire: tests move the application's clock by years (plans), and tokens follow that clock. */
    private static final java.time.Duration NO_EXPIRY = null;

    /** A GraphQL bearer token of a new user with these roles in the tenant. */
    public String token(Tenant tenant, Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        AppUser user = users.createTenantUser(tenant.id(), "ผู้ทดสอบ " + n, "user" + n + "-" + System.nanoTime() + "@example.go.th", Set.of(roles));
        return tokens.issueForUser(user, "test", NO_EXPIRY).value();
    }

    /** A person who signs in to the console with an e-mail address and a password. */
    public record Person(AppUser user, String email, String password) {
    }

    /** A new user of the tenant with these roles and a console password. */
    public Person person(Tenant tenant, Role... roles) {
        int n = SEQUENCE.incrementAndGet();
        AppUser user = users.createTenantUser(tenant.id(), "ผู้ใช้คอนโซล " + n, "person" + n + "-" + System.nanoTime() + "@example.go.th",
                Set.of(roles));
        return withPassword(user);
    }

    /** A new national administrator with a console password. */
    public Person nationalPerson() {
        int n = SEQUENCE.incrementAndGet();
        return withPassword(users.createOversightUser("ส่วนกลาง " + n, "national" + n + "-" + System.nanoTime() + "@example.go.th",
                Role.NATIONAL, null, null));
    }

    private Person withPassword(AppUser user) {
        String password = "รหัสผ่านทดสอบ-" + SEQUENCE.incrementAndGet();
        passwords.set(user.id(), password);
        return new Person(user, user.email(), password);
    }

    /** A GraphQL bearer token of a new provincial committee member. */
    public String committeeToken(String province, TenantKind kind) {
        int n = SEQUENCE.incrementAndGet();
        AppUser user = users.createOversightUser("กรรมการ " + n, "committee" + n + "-" + System.nanoTime() + "@example.go.th", Role.PROVINCIAL_COMMITTEE,
                province, kind);
        return tokens.issueForUser(user, "test", NO_EXPIRY).value();
    }

    /** A GraphQL bearer token of a new national administrator. */
    public String nationalToken() {
        int n = SEQUENCE.incrementAndGet();
        AppUser user = users.createOversightUser("ส่วนกลาง " + n, "national" + n + "-" + System.nanoTime() + "@example.go.th", Role.NATIONAL, null, null);
        return tokens.issueForUser(user, "test", NO_EXPIRY).value();
    }

    /** A tenant of a given kind and place, for oversight tests. */
    public Tenant tenant(String name, TenantKind kind, String province) {
        String code = "T" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        return tenants.create(code, name, name, kind,
                kind == TenantKind.MUNICIPALITY ? th.phatthana.tenants.tenant.MunicipalClass.TAMBON : null, province, "เมือง");
    }

    public record XapiAccess(Tenant tenant, String key, String secret) {
    }

    public Tenant tenant(String name) {
        String code = "T" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        return tenants.create(code, name, name, TenantKind.SAO, null, "หนองคาย", "สังคม");
    }

    public XapiAccess xapi(String name, XapiScope... scopes) {
        Tenant tenant = tenant(name);
        return credential(tenant, scopes);
    }

    public XapiAccess credential(Tenant tenant, XapiScope... scopes) {
        Set<XapiScope> granted = scopes.length == 0 ? Set.of(XapiScope.ALL) : Set.of(scopes);
        XapiCredentialService.IssuedCredential issued = credentials.issue(tenant.id(), "Test provider", granted);
        return new XapiAccess(tenant, issued.credential().key(), issued.secret());
    }
}
