package th.phatthana.api.administration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server invitations are e-mailed through. Off unless {@code host} is set
 * ({@code PHATTHANA_MAIL_HOST}, or Spring's {@code spring.mail.host}); without it invitation links
 * are only shown to whoever invites.
 *
 * @param host     SMTP server
 * @param port     its port (default 25; 587 is usual with STARTTLS, 465 with TLS)
 * @param username for SMTP authentication, when the server asks for it
 * @param password for SMTP authentication
 * @param from     the sender address (default {@code phatthana@<host>})
 * @param security {@code none} (default), {@code starttls} (required, not opportunistic) or {@code tls}
 */
@ConfigurationProperties("phatthana.mail")
public record MailProperties(String host, Integer port, String username, String password, String from, String security) {

    public MailProperties {
        port = port == null ? 25 : port;
        security = security == null || security.isBlank() ? "none" : security.trim().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("none", "starttls", "tls").contains(security)) {
            throw new IllegalArgumentException("PHATTHANA_MAIL_SECURITY is none, starttls or tls (it was '" + security + "')");
        }
        from = from == null || from.isBlank() ? (host == null || host.isBlank() ? null : "phatthana@" + host) : from;
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }
}
