package th.phatthana.api.oversight;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.api.oversight.ProvinceOverviewService.Entry;
import th.phatthana.api.oversight.ProvinceOverviewService.Overview;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.tenant.TenantKind;

/** {@code provinceOverview} (schema oversight.graphqls). */
@Controller
class ProvinceOverviewController {

    private final ProvinceOverviewService overviews;

    ProvinceOverviewController(ProvinceOverviewService overviews) {
        this.overviews = overviews;
    }

    @QueryMapping
    Overview provinceOverview(@Argument String province, @Argument TenantKind kind, @Argument Integer fiscalYear,
            @ContextValue Caller caller) {
        return overviews.overview(province, kind, fiscalYear, caller);
    }

    @SchemaMapping(typeName = "ProvinceOverviewEntry")
    PlanProgress progress(Entry entry) {
        return overviews.progress(entry);
    }
}
