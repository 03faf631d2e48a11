package th.phatthana.api.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** With SMTP settings, the invitation link is also e-mailed: a real SMTP server (GreenMail) on loopback receives it. */
class InvitationMailTest extends IntegrationTest {

    private static final GreenMail SMTP = start();

    @Autowired
    TestTenants tenants;

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        // one more application on the shared store: its projector would race the progress tests' own
        // (those that need a second instance make one: MultiInstanceProgressTest)
        registry.add("phatthana.progress.projector.enabled", () -> "false");
        registry.add("phatthana.mail.host", () -> "127.0.0.1");
        registry.add("phatthana.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("phatthana.mail.from", () -> "phatthana@example.go.th");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void theInvitationLinkIsEmailedToThePerson() throws Exception {
        Tenant tenant = tenants.tenant("อบต.ไปรษณีย์");
        String email = "mail" + System.nanoTime() + "@example.go.th";
        JsonNode invited = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN)).execute(InvitationTest.INVITE,
                Map.of("input", Map.of("name", "นางสาวจดหมาย ถึงแล้ว", "email", email, "roles", List.of("VIEWER"))))
                .path("data").path("inviteUser");
        assertThat(invited.path("invitationEmailed").asBoolean()).isTrue();

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessagesForDomain("example.go.th")[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(message.getFrom()[0].toString()).isEqualTo("phatthana@example.go.th");
        assertThat(message.getSubject()).contains("คำเชิญ", "Phatthana");
        String body = message.getContent().toString();
        assertThat(body).contains(invited.path("invitationUrl").asString(), "นางสาวจดหมาย ถึงแล้ว", "อบต.ไปรษณีย์", "ใช้ได้ครั้งเดียว");
    }
}
