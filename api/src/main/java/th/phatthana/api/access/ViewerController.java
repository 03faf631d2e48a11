package th.phatthana.api.access;

import java.util.Set;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;

/** {@code viewer}: who the caller is (schema viewer.graphqls). */
@Controller
class ViewerController {

    record Viewer(String id, String name, Set<Role> roles, Tenant organisation, String province, TenantKind committeeKind) {
    }

    private final TenantService tenants;

    ViewerController(TenantService tenants) {
        this.tenants = tenants;
    }

    @QueryMapping
    Viewer viewer(@ContextValue Caller caller) {
        Callers.require(caller);
        Tenant organisation = caller.tenantId() == null ? null : tenants.findById(caller.tenantId()).orElse(null);
        return new Viewer(caller.subject(), caller.displayName(), caller.roles(), organisation, caller.province(), caller.committeeKind());
    }
}
