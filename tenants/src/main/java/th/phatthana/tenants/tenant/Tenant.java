package th.phatthana.tenants.tenant;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One local organisation. The tenants collection is the one global collection: a tenant's own
 * {@code id} is the {@code tenantId} every tenant-scoped document carries.
 */
@Document("tenants")
public record Tenant(
        @Id String id,
        @Indexed(unique = true) String code,
        String nameTh,
        String nameEn,
        TenantKind kind,
        MunicipalClass municipalClass,
        String province,
        String district,
        TenantStatus status,
        Instant createdAt,
        ErasurePolicy erasurePolicy) {

    /**
     * @param erasurePolicy what erasing a staff member does with their statements; null (an
     *                      organisation stored before the setting existed) is {@link ErasurePolicy#DEFAULT}
     */
    public Tenant {
        if (erasurePolicy == null) {
            erasurePolicy = ErasurePolicy.DEFAULT;
        }
        if (kind == TenantKind.MUNICIPALITY && municipalClass == null) {
            throw new IllegalArgumentException("a municipality needs its class (NAKHON, MUEANG or TAMBON)");
        }
        if (kind != TenantKind.MUNICIPALITY && municipalClass != null) {
            throw new IllegalArgumentException("only a municipality has a municipal class");
        }
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
