package th.phatthana.api.access;

import java.util.Set;

import th.phatthana.api.problems.ApiException;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;

/** Checks every GraphQL resolver and export makes about its caller. */
public final class Callers {

    static final String ATTRIBUTE = Caller.class.getName();

    /** A request without a token or session. */
    public static final Caller ANONYMOUS = new Caller(null, "anonymous", null, Set.of(), null, null);

    private Callers() {
    }

    /** The caller of an HTTP request (REST endpoints under /api/), set by the CallerFilter from a bearer token or a session. */
    public static Caller current(jakarta.servlet.http.HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        return caller instanceof Caller c ? c : ANONYMOUS;
    }

    /** What every refusal of a caller who is not signed in says (GraphQL, REST, the body filter). */
    static final String SIGN_IN_TH = "กรุณาเข้าสู่ระบบ หรือส่งโทเคน (Authorization: Bearer <token>)";
    static final String SIGN_IN_EN = "sign in to the console, or send a bearer token (Authorization: Bearer <token>)";

    /** The caller, who must have presented a valid token or console session. */
    public static Caller require(Caller caller) {
        if (caller == null || caller == ANONYMOUS || caller.subject() == null) {
            throw ApiException.unauthenticated(SIGN_IN_TH, SIGN_IN_EN);
        }
        return caller;
    }

    /** The caller's own tenant id; oversight callers must name a tenant instead. */
    public static String ownTenant(Caller caller) {
        require(caller);
        if (caller.tenantId() == null) {
            throw ApiException.badRequest("tenantId", "ผู้ใช้นี้ไม่สังกัดหน่วยงานใด กรุณาระบุหน่วยงานที่ต้องการดู", "this caller belongs to no organisation: name the tenant to read");
        }
        return caller.tenantId();
    }

    /** Refuses unless the caller may read this tenant; an unreadable tenant looks like a missing one. */
    public static Tenant requireRead(Caller caller, Tenant tenant) {
        require(caller);
        if (tenant == null || !caller.canRead(tenant)) {
            throw ApiException.notFound("หน่วยงาน", "organisation");
        }
        return tenant;
    }

    /** Refuses unless the caller holds one of the roles within this tenant. */
    public static void requireWrite(Caller caller, String tenantId, Role... anyOf) {
        require(caller);
        if (!caller.canWrite(tenantId, anyOf)) {
            throw ApiException.forbidden("ต้องมีบทบาทใดบทบาทหนึ่งต่อไปนี้ในหน่วยงาน: " + java.util.Arrays.toString(anyOf), "this needs one of the roles " + java.util.Arrays.toString(anyOf) + " in the organisation");
        }
    }
}
