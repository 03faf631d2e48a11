package th.phatthana.api.administration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.URLName;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.util.ByteArrayDataSource;

import com.sun.mail.smtp.SMTPSSLTransport;
import com.sun.mail.smtp.SMTPTransport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import th.phatthana.api.time.BangkokTime;
import th.phatthana.tenants.text.Text;

/**
 * E-mails invitation links when an SMTP server is configured. Sending is best effort: the link was
 * already shown to whoever invited, so a mail server that is down only means they pass it on
 * themselves. Addresses never go into the log.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    private final MailProperties properties;

    InvitationMailer(MailProperties properties) {
        this.properties = properties;
    }

    /** Sends the link; whether the SMTP server took the message. */
    boolean send(String to, String name, String organisation, String url, Instant expiresAt) {
        if (!properties.enabled()) {
            return false;
        }
        try {
            Session session = session();
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(properties.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject("คำเชิญเข้าใช้งานระบบพัฒนา (Phatthana invitation)", "UTF-8");
            // The text goes in as bytes with their type, so no activation handler is looked up: a second
            // mail library on the class path (jakarta.mail) would otherwise hand javax.mail its handlers.
            message.setDataHandler(new DataHandler(new ByteArrayDataSource(body(name, organisation, url, expiresAt)
                    .getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
            message.setHeader("Content-Transfer-Encoding", "base64");
            message.saveChanges();
            Transport transport = transport(session);
            try {
                String username = Text.blankToNull(properties.username());
                // Without a user name no password either: javax.mail would otherwise log in as the OS user.
                transport.connect(properties.host(), properties.port(), username, username == null ? null : properties.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                transport.close();
            }
            return true;
        } catch (MessagingException | RuntimeException e) {
            log.warn("An invitation e-mail was not sent ({}); the link was shown to the inviter and still works",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private Session session() {
        Properties smtp = new Properties();
        String protocol = protocol();
        smtp.put("mail." + protocol + ".connectiontimeout", "5000");
        smtp.put("mail." + protocol + ".timeout", "10000");
        smtp.put("mail." + protocol + ".writetimeout", "10000");
        smtp.put("mail." + protocol + ".auth", String.valueOf(Text.blankToNull(properties.username()) != null));
        if (properties.security().equals("starttls")) {
            smtp.put("mail.smtp.starttls.enable", "true");
            smtp.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(smtp);
    }

    /**
     * The SMTP transport, made directly rather than looked up: a second mail library on the class
     * path (jakarta.mail) would otherwise win the provider lookup with classes javax.mail cannot use.
     */
    private Transport transport(Session session) {
        URLName url = new URLName(protocol(), properties.host(), properties.port(), null, null, null);
        return protocol().equals("smtps") ? new SMTPSSLTransport(session, url) : new SMTPTransport(session, url);
    }

    private String protocol() {
        return properties.security().equals("tls") ? "smtps" : "smtp";
    }

    private static String body(String name, String organisation, String url, Instant expiresAt) {
        return """
                เรียน %s

                คุณได้รับเชิญให้เข้าใช้งานระบบพัฒนา (Phatthana) ของ%s
                ตั้งรหัสผ่านและเข้าสู่ระบบได้ที่ลิงก์นี้ ภายใน %s

                %s

                ลิงก์นี้ใช้ได้ครั้งเดียว หากคุณไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องดำเนินการใด ๆ

                ----
                You are invited to Phatthana (%s). Choose your password and sign in at the link above
                before %s. The link works once; if you did not expect this e-mail, ignore it.
                """.formatted(name, organisation, BangkokTime.thai(expiresAt), url, organisation,
                BangkokTime.english(expiresAt));
    }
}
