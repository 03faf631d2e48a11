package th.phatthana.api.administration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What {@link NationalBootstrap} reads: {@code phatthana.bootstrap.*}, and of {@code phatthana.demo.*}
 * whether the demo is on and the national admin's demo password (docs/operations.md lists the variables).
 */
@ConfigurationProperties("phatthana")
public record BootstrapProperties(Bootstrap bootstrap, Demo demo) {

    static final String DEFAULT_EMAIL = "national@phatthana.example";

    public BootstrapProperties {
        bootstrap = bootstrap != null ? bootstrap : new Bootstrap(null, null, null);
        demo = demo != null ? demo : new Demo(null, null);
    }

    /**
     * @param nationalToken   a chosen GraphQL token of the first NATIONAL admin; empty: one is generated
     * @param nationalEnabled whether the first NATIONAL admin is created while none exists (default true)
     * @param nationalEmail   that admin's e-mail address
     */
    public record Bootstrap(String nationalToken, Boolean nationalEnabled, String nationalEmail) {
        public Bootstrap {
            nationalToken = nationalToken == null ? "" : nationalToken;
            nationalEnabled = nationalEnabled == null || nationalEnabled;
            nationalEmail = nationalEmail == null ? DEFAULT_EMAIL : nationalEmail;
        }
    }

    public record Demo(Boolean enabled, String nationalPassword) {
        public Demo {
            enabled = enabled != null && enabled;
            nationalPassword = nationalPassword == null ? "" : nationalPassword;
        }
    }
}
