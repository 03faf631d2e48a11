package th.phatthana.api.organisations;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.api.access.Callers;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantService;

/** The organisation (tenant) as GraphQL sees it. */
@Controller
class OrganisationController {

    private final TenantService tenants;

    OrganisationController(TenantService tenants) {
        this.tenants = tenants;
    }

    @QueryMapping
    Tenant organisation(@Argument String id, @ContextValue Caller caller) {
        String tenantId = id != null ? id : Callers.ownTenant(caller);
        return Callers.requireRead(caller, tenants.findById(tenantId).orElse(null));
    }

    @SchemaMapping(typeName = "Organisation")
    String approvingCommittee(Tenant tenant) {
        return tenant.kind().approvingCommittee();
    }
}
