package th.phatthana.tenants.tenant;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
public class TenantService {

    /** Published when a tenant is suspended or reinstated, so caches of who may call forget it at once. */
    public record StatusChanged(String tenantId, TenantStatus status) {
    }

    private final TenantRepository tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public TenantService(TenantRepository tenants, ApplicationEventPublisher events, Clock clock) {
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    public Tenant create(String code, String nameTh, String nameEn, TenantKind kind, MunicipalClass municipalClass,
            String province, String district) {
        Tenant tenant = new Tenant(UUID.randomUUID().toString(), code, nameTh, nameEn, kind, municipalClass,
                province, district, TenantStatus.ACTIVE, clock.instant(), ErasurePolicy.DEFAULT);
        return tenants.insert(tenant);
    }

    public Optional<Tenant> findByCode(String code) {
        return tenants.findByCode(code);
    }

    public Optional<Tenant> findById(String id) {
        return tenants.findById(id);
    }

    /** Suspends or reinstates; credentials and tokens of a suspended tenant stop working at their next use. */
    public Tenant setStatus(Tenant tenant, TenantStatus status) {
        Tenant saved = tenants.save(new Tenant(tenant.id(), tenant.code(), tenant.nameTh(), tenant.nameEn(), tenant.kind(),
                tenant.municipalClass(), tenant.province(), tenant.district(), status, tenant.createdAt(), tenant.erasurePolicy()));
        events.publishEvent(new StatusChanged(tenant.id(), status));
        return saved;
    }

    public Tenant update(Tenant tenant, String nameTh, String nameEn, TenantKind kind, MunicipalClass municipalClass,
            String province, String district) {
        return tenants.save(new Tenant(tenant.id(), tenant.code(), nameTh, nameEn, kind, municipalClass, province, district,
                tenant.status(), tenant.createdAt(), tenant.erasurePolicy()));
    }

    /** Sets what erasing a staff member does with their statements (PDPA). */
    public Tenant setErasurePolicy(Tenant tenant, ErasurePolicy policy) {
        return tenants.save(new Tenant(tenant.id(), tenant.code(), tenant.nameTh(), tenant.nameEn(), tenant.kind(),
                tenant.municipalClass(), tenant.province(), tenant.district(), tenant.status(), tenant.createdAt(), policy));
    }

    /** The organisations of one kind in one province: those a provincial committee oversees. */
    public List<Tenant> inProvince(String province, TenantKind kind) {
        return tenants.findByProvinceAndKind(province, kind);
    }

    public List<Tenant> all() {
        return tenants.findAll();
    }

    public long count() {
        return tenants.count();
    }
}
