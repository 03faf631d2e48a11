package th.phatthana.api.administration;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Role;

/**
 * While no NATIONAL user exists, creates one, so a fresh deployment can onboard organisations.
 * Its token comes from {@code PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN}, or is generated and printed once.
 */
@Component
@Order(-1)
class NationalBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NationalBootstrap.class);

    private final AppUserService users;
    private final AccessTokenService tokens;
    private final String chosenToken;
    private final boolean enabled;

    NationalBootstrap(AppUserService users, AccessTokenService tokens,
            @Value("${phatthana.bootstrap.national-token:}") String chosenToken,
            @Value("${phatthana.bootstrap.national-enabled:true}") boolean enabled) {
        this.users = users;
        this.tokens = tokens;
        this.chosenToken = chosenToken;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || users.anyWithRole(Role.NATIONAL)) {
            return;
        }
        AppUser admin = users.createOversightUser("ผู้ดูแลระบบส่วนกลาง", "national-admin@phatthana.local", Role.NATIONAL, null, null);
        if (chosenToken != null && !chosenToken.isBlank()) {
            tokens.issueForUserWithValue(admin, "bootstrap national admin", Duration.ofDays(365), chosenToken);
            log.info("Bootstrap NATIONAL admin created with the token from PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN");
        } else {
            log.warn("Bootstrap NATIONAL admin created. GraphQL bearer token: {} (shown once; set PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN "
                    + "to choose it)", tokens.issueForUser(admin, "bootstrap national admin", Duration.ofDays(365)).value());
        }
    }
}
