package th.phatthana.schema.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The key strings are stored: each form exactly, and an agent and the same identity given as parts agree. */
class ActorKeyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHA1_OF_MALEE = ActorKey.sha1Hex("mailto:Malee@Sangkhom.go.th");

    private static JsonNode agent(String json) {
        return JSON.readTree(json);
    }

    @Test
    void mboxIsKeptAsGivenCaseIncluded() {
        assertThat(ActorKey.of(agent("{\"mbox\": \"mailto:Malee@Sangkhom.go.th\"}"))).isEqualTo("mbox|mailto:Malee@Sangkhom.go.th");
        assertThat(ActorKey.of("mailto:Malee@Sangkhom.go.th", null, null, null, null)).isEqualTo("mbox|mailto:Malee@Sangkhom.go.th");
    }

    @Test
    void sha1IsLowerCased() {
        assertThat(ActorKey.of(agent("{\"mbox_sha1sum\": \"ABCDEF0123456789ABCDEF0123456789ABCDEF01\"}")))
                .isEqualTo("sha1|abcdef0123456789abcdef0123456789abcdef01");
        assertThat(ActorKey.of(null, "ABCDEF0123456789ABCDEF0123456789ABCDEF01", null, null, null))
                .isEqualTo("sha1|abcdef0123456789abcdef0123456789abcdef01");
    }

    @Test
    void openidAndAccount() {
        assertThat(ActorKey.of(agent("{\"openid\": \"https://id.example.go.th/malee\"}"))).isEqualTo("openid|https://id.example.go.th/malee");
        assertThat(ActorKey.of(agent("{\"account\": {\"homePage\": \"https://lms.go.th\", \"name\": \"malee\"}}")))
                .isEqualTo("account|https://lms.go.th|malee");
        assertThat(ActorKey.of(null, null, null, "https://lms.go.th", "malee")).isEqualTo("account|https://lms.go.th|malee");
        assertThat(ActorKey.of(agent("{\"account\": {\"name\": \"malee\"}}"))).isEqualTo("account||malee");
    }

    @Test
    void anonymousGroupHasNoKeyButItsMembersAreLookedUp() {
        JsonNode group = agent("{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@b.go.th\"}, {\"openid\": \"https://x.go.th/b\"}]}");
        assertThat(ActorKey.of(group)).isNull();
        assertThat(ActorKey.lookupKeys(group)).containsExactly("mbox|mailto:a@b.go.th", "sha1|" + ActorKey.sha1Hex("mailto:a@b.go.th"),
                "openid|https://x.go.th/b");
        assertThat(ActorKey.of((JsonNode) null)).isNull();
    }

    @Test
    void anMboxIsAlsoLookedUpByItsSha1() {
        assertThat(ActorKey.lookupKeys(agent("{\"mbox\": \"mailto:Malee@Sangkhom.go.th\"}")))
                .containsExactly("mbox|mailto:Malee@Sangkhom.go.th", "sha1|" + SHA1_OF_MALEE);
        assertThat(ActorKey.lookupKeys("mailto:Malee@Sangkhom.go.th", null, null, null, null))
                .containsExactly("mbox|mailto:Malee@Sangkhom.go.th", "sha1|" + SHA1_OF_MALEE);
        assertThat(SHA1_OF_MALEE).matches("[0-9a-f]{40}");
    }

    @Test
    void anAgentAndTheSameIdentityGivenAsPartsGiveTheSameKeys() {
        String[][] forms = {
                { "{\"mbox\": \"mailto:malee@sangkhom.go.th\"}", "mailto:malee@sangkhom.go.th", null, null, null, null },
                { "{\"mbox_sha1sum\": \"" + SHA1_OF_MALEE + "\"}", null, SHA1_OF_MALEE, null, null, null },
                { "{\"openid\": \"https://id.go.th/m\"}", null, null, "https://id.go.th/m", null, null },
                { "{\"account\": {\"homePage\": \"https://lms.go.th\", \"name\": \"m\"}}", null, null, null, "https://lms.go.th", "m" } };
        for (String[] form : forms) {
            JsonNode agent = agent(form[0]);
            assertThat(ActorKey.of(agent)).isEqualTo(ActorKey.of(form[1], form[2], form[3], form[4], form[5]));
            assertThat(ActorKey.lookupKeys(agent)).isEqualTo(ActorKey.lookupKeys(form[1], form[2], form[3], form[4], form[5]));
        }
    }
}
