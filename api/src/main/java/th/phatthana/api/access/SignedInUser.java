package th.phatthana.api.access;

import java.util.List;

import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.TenantKind;

/**
 * Who is signed in, as the console reads it from {@code /api/auth/session}, the sign-in and the
 * invitation acceptance.
 *
 * @param id            the caller's subject: a user id, {@code oidc:<sub>} or {@code service:<token id>}
 * @param email         null for service accounts and OIDC accounts without an e-mail claim
 * @param organisation  the caller's organisation; null for oversight callers
 * @param language      {@code th} or {@code en}, as the person chose
 * @param province      of a provincial committee member
 * @param committeeKind of a provincial committee member
 */
public record SignedInUser(String id, String name, String email, List<Role> roles, Organisation organisation, String language,
        String province, TenantKind committeeKind) {

    public record Organisation(String id, String code, String nameTh, TenantKind kind, String province) {
    }
}
