package th.phatthana.tenants.tenant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

@Service
public class TenantService {

    private final TenantRepository tenants;

    public TenantService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public Tenant create(String code, String nameTh, String nameEn, TenantKind kind, MunicipalClass municipalClass,
            String province, String district) {
        Tenant tenant = new Tenant(UUID.randomUUID().toString(), code, nameTh, nameEn, kind, municipalClass,
                province, district, TenantStatus.ACTIVE, Instant.now());
        return tenants.insert(tenant);
    }

    public Optional<Tenant> findByCode(String code) {
        return tenants.findByCode(code);
    }

    public Optional<Tenant> findById(String id) {
        return tenants.findById(id);
    }

    public long count() {
        return tenants.count();
    }
}
