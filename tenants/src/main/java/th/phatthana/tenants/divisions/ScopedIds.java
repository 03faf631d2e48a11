package th.phatthana.tenants.divisions;

import java.util.UUID;

/**
 * Ids of tenant-scoped records (divisions, staff): {@code <tenantId>/<uuid>}, as statements are.
 * The id names its tenant, so a lookup by id always starts with {@code tenantId} (the shard key)
 * even for oversight callers, and ids of different tenants never collide. Clients treat ids as
 * opaque; the server reads the tenant from them only to check access before looking anything up.
 */
public final class ScopedIds {

    private ScopedIds() {
    }

    public static String newId(String tenantId) {
        return tenantId + "/" + UUID.randomUUID();
    }

    /** The tenant an id belongs to, or null when it is not an id of this form. */
    public static String tenantOf(String id) {
        if (id == null) {
            return null;
        }
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1 || id.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        return id.substring(0, slash);
    }

    /** Whether the id belongs to this tenant. */
    public static boolean belongsTo(String id, String tenantId) {
        return tenantId != null && tenantId.equals(tenantOf(id));
    }
}
