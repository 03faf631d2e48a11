package th.phatthana.api.administration;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.phatthana.api.web.PublicAddress;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.InvitationService;
import th.phatthana.tenants.access.PasswordService;
import th.phatthana.tenants.access.Role;

/**
 * While no NATIONAL user exists, creates one, so a fresh deployment can onboard organisations.
 * Its GraphQL token comes from {@code PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN}, or is generated and
 * printed once. For the console it gets a password when the demo is on (from
 * {@code PHATTHANA_DEMO_NATIONAL_PASSWORD}, or generated and printed once), and otherwise an
 * invitation link, printed once, with which the operator chooses the password.
 */
@Component
@Order(-1)
@EnableConfigurationProperties(BootstrapProperties.class)
class NationalBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NationalBootstrap.class);
    private static final Caller SYSTEM = new Caller("system", "system", null, Set.of(), null, null);

    private final AppUserService users;
    private final AccessTokenService tokens;
    private final PasswordService passwords;
    private final InvitationService invitations;
    private final PublicAddress address;
    private final String chosenToken;
    private final boolean enabled;
    private final String email;
    private final boolean demo;
    private final String demoPassword;

    NationalBootstrap(AppUserService users, AccessTokenService tokens, PasswordService passwords, InvitationService invitations,
            PublicAddress address, BootstrapProperties properties) {
        String chosenToken = properties.bootstrap().nationalToken();
        String demoPassword = properties.demo().nationalPassword();
        ChosenSecrets.requireUsableToken("PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN", chosenToken);
        ChosenSecrets.requireUsablePassword("PHATTHANA_DEMO_NATIONAL_PASSWORD", demoPassword);
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.invitations = invitations;
        this.address = address;
        this.chosenToken = chosenToken == null ? "" : chosenToken;
        this.enabled = properties.bootstrap().nationalEnabled();
        this.email = properties.bootstrap().nationalEmail();
        this.demo = properties.demo().enabled();
        this.demoPassword = demoPassword == null ? "" : demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || users.anyWithRole(Role.NATIONAL)) {
            return;
        }
        AppUser admin = users.createOversightUser("ผู้ดูแลระบบส่วนกลาง", email, Role.NATIONAL, null, null);
        if (!chosenToken.isBlank()) {
            tokens.issueForUserWithValue(admin, "bootstrap national admin", Duration.ofDays(365), chosenToken);
            log.info("Bootstrap NATIONAL admin created with the token from PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN");
        } else {
            log.warn("Bootstrap NATIONAL admin created. GraphQL bearer token: {} (shown once; set PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN "
                    + "to choose it)", tokens.issueForUser(admin, "bootstrap national admin", Duration.ofDays(365)).value());
        }
        // A chosen address may be a person's: the log names only the example address.
        String shownEmail = email.equals(BootstrapProperties.DEFAULT_EMAIL) ? email : "the address in PHATTHANA_BOOTSTRAP_NATIONAL_EMAIL";
        if (demo) {
            String password = demoPassword.isEmpty() ? PasswordService.generate() : demoPassword;
            passwords.set(admin.id(), password);
            log.warn("Console sign-in of the NATIONAL admin: {} with password {}", shownEmail,
                    demoPassword.isEmpty() ? password + " (shown once; set PHATTHANA_DEMO_NATIONAL_PASSWORD to choose it)"
                            : "from PHATTHANA_DEMO_NATIONAL_PASSWORD");
        } else {
            InvitationService.IssuedInvitation invitation = invitations.issue(admin, SYSTEM);
            log.warn("Console sign-in of the NATIONAL admin ({}): choose its password at {}/invite/{} before {} (shown once)",
                    shownEmail, address.publicBaseUrl(), invitation.token(), invitation.invitation().expiresAt());
        }
    }
}
