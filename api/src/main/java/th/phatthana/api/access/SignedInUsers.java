package th.phatthana.api.access;

import java.util.List;

import org.springframework.stereotype.Component;

import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.CallerPreferencesService;
import th.phatthana.tenants.access.ConsoleSession;
import th.phatthana.tenants.tenant.TenantService;

/** Builds the {@link SignedInUser} of a caller. */
@Component
class SignedInUsers {

    private final AppUserService users;
    private final TenantService tenants;
    private final CallerPreferencesService preferences;

    SignedInUsers(AppUserService users, TenantService tenants, CallerPreferencesService preferences) {
        this.users = users;
        this.tenants = tenants;
        this.preferences = preferences;
    }

    /** The caller, with the session it came with (null for a bearer token). */
    SignedInUser of(Caller caller, ConsoleSession session) {
        String email = session != null && session.external() != null ? session.external().email()
                : users.find(caller.subject()).map(AppUser::email).orElse(null);
        SignedInUser.Organisation organisation = caller.tenantId() == null ? null : tenants.findById(caller.tenantId())
                .map(t -> new SignedInUser.Organisation(t.id(), t.code(), t.nameTh(), t.kind(), t.province())).orElse(null);
        return new SignedInUser(caller.subject(), caller.displayName(), email, List.copyOf(caller.roles()).stream().sorted().toList(),
                organisation, preferences.language(caller), caller.province(), caller.committeeKind());
    }
}
