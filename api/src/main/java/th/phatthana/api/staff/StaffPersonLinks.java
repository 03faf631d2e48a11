package th.phatthana.api.staff;

import java.util.List;

import org.springframework.stereotype.Component;

import th.phatthana.lrs.agents.PersonLinks;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;

/**
 * Tells the xAPI Agents resource which identities belong to the same person: every xAPI identity
 * on the staff record the asked-about agent is linked to (within the same tenant only).
 */
@Component
class StaffPersonLinks implements PersonLinks {

    private final StaffService staff;

    StaffPersonLinks(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public List<JsonNode> otherIdentities(String tenantId, JsonNode agent, String ifiKey) {
        return staff.findByIdentityKey(tenantId, ifiKey)
                .map(member -> member.xapiIdentities().stream().filter(identity -> !identity.key().equals(ifiKey))
                        .map(identity -> named(identity, member.fullNameTh())).toList())
                .orElse(List.of());
    }

    /** The staff record's Thai name goes into the Person's names, so a dashboard shows who it is. */
    private static JsonNode named(XapiIdentity identity, String name) {
        return identity.agent().put("name", name);
    }
}
