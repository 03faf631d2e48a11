package th.phatthana.api.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

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

    public TestTenants(TenantService tenants, XapiCredentialService credentials) {
        this.tenants = tenants;
        this.credentials = credentials;
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
