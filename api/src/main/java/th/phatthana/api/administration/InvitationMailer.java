package th.phatthana.api.administration;

import java.time.Instant;
import java.util.Properties;

import javax.mail.Authenticator;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import th.phatthana.api.access.BangkokTime;

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

    boolean enabled() {
        return properties.enabled();
    }

    /** Sends the link; whether the SMTP server took the message. */
    boolean send(String to, String name, String organisation, String url, Instant expiresAt) {
        if (!properties.enabled()) {
            return false;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(properties.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject("คำเชิญเข้าใช้งานระบบพัฒนา (Phatthana invitation)", "UTF-8");
            message.setText(body(name, organisation, url, expiresAt), "UTF-8");
            Transport.send(message);
            return true;
        } catch (MessagingException | RuntimeException e) {
            log.warn("An invitation e-mail was not sent ({}); the link was shown to the inviter and still works",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private Session session() {
        Properties smtp = new Properties();
        String protocol = properties.security().equals("tls") ? "smtps" : "smtp";
        smtp.put("mail.transport.protocol", protocol);
        smtp.put("mail." + protocol + ".host", properties.host());
        smtp.put("mail." + protocol + ".port", String.valueOf(properties.port()));
        smtp.put("mail." + protocol + ".connectiontimeout", "5000");
        smtp.put("mail." + protocol + ".timeout", "10000");
        smtp.put("mail." + protocol + ".writetimeout", "10000");
        if (properties.security().equals("starttls")) {
            smtp.put("mail.smtp.starttls.enable", "true");
            smtp.put("mail.smtp.starttls.required", "true");
        }
        boolean authenticate = properties.username() != null && !properties.username().isBlank();
        smtp.put("mail." + protocol + ".auth", String.valueOf(authenticate));
        Authenticator authenticator = !authenticate ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(properties.username(), properties.password());
            }
        };
        return Session.getInstance(smtp, authenticator);
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
