package th.phatthana.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import th.phatthana.schema.xapi.ActorKey;

/** A staff identity and the agent a statement carries for it have the same keys, in every form. */
class XapiIdentityTest {

    private static final String MBOX = "mailto:Malee@Sangkhom.go.th";

    @Test
    void identityAndItsAgentAgree() {
        List<XapiIdentity> identities = List.of(XapiIdentity.ofMbox(MBOX), new XapiIdentity(null, ActorKey.sha1Hex(MBOX), null, null),
                new XapiIdentity(null, null, "https://id.go.th/malee", null), XapiIdentity.ofAccount("https://lms.go.th", "malee"));
        for (XapiIdentity identity : identities) {
            assertThat(identity.key()).isEqualTo(ActorKey.of(identity.agent()));
            assertThat(identity.lookupKeys()).isEqualTo(ActorKey.lookupKeys(identity.agent()));
        }
    }

    @Test
    void keysAreTheStoredStrings() {
        assertThat(XapiIdentity.ofMbox(MBOX).lookupKeys()).containsExactly("mbox|" + MBOX, "sha1|" + ActorKey.sha1Hex(MBOX));
        assertThat(XapiIdentity.ofAccount("https://lms.go.th", "malee").key()).isEqualTo("account|https://lms.go.th|malee");
        assertThat(XapiIdentity.ofAccount("https://lms.go.th", "malee").agent().toString())
                .isEqualTo("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.go.th\",\"name\":\"malee\"}}");
    }
}
