package th.phatthana.api.staff;

import java.util.List;

import org.springframework.stereotype.Component;

import th.phatthana.lrs.agents.PersonLinks;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells the xAPI Agents resource which identities belong to the same person: every xAPI identity
 * on the staff record the asked-about agent is linked to (within the same tenant only).
 */
@Component
class StaffPersonLinks implements PersonLinks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StaffService staff;

    StaffPersonLinks(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public List<JsonNode> otherIdentities(String tenantId, JsonNode agent, String ifiKey) {
        return staff.findByIdentityKey(tenantId, ifiKey)
                .map(member -> member.xapiIdentities().stream().filter(identity -> !identity.key().equals(ifiKey))
                        .map(identity -> named(agent(identity), member.fullNameTh())).toList())
                .orElse(List.of());
    }

    /** The staff record's Thai name goes into the Person's names, so a dashboard shows who it is. */
    private static JsonNode named(JsonNode agent, String name) {
        return ((ObjectNode) agent).put("name", name);
    }

    static JsonNode agent(XapiIdentity identity) {
        ObjectNode agent = JSON.createObjectNode().put("objectType", "Agent");
        if (identity.mbox() != null) {
            agent.put("mbox", identity.mbox());
        } else if (identity.mboxSha1sum() != null) {
            agent.put("mbox_sha1sum", identity.mboxSha1sum());
        } else if (identity.openid() != null) {
            agent.put("openid", identity.openid());
        } else {
            agent.putObject("account").put("homePage", identity.account().homePage()).put("name", identity.account().name());
        }
        return agent;
    }
}
