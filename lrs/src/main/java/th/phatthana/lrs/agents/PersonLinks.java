package th.phatthana.lrs.agents;

import java.util.List;

import th.phatthana.schema.xapi.ActorKey;
import tools.jackson.databind.JsonNode;

/**
 * Extension point of the Agents resource: tells which other xAPI identities belong to the same
 * person as a given agent, for example every identity listed on a staff record (an e-mail, an
 * account on the national e-Learning platform, an account on a provider's system). The Person
 * object returned for any one of them then combines the identifiers and names of all of them.
 *
 * <p>Declare a Spring bean implementing it (for example in the tenants module, from staff
 * identities); every such bean is consulted. Without one, a Person holds only the agent's own
 * identifier and the names seen with it.
 */
@FunctionalInterface
public interface PersonLinks {

    /**
     * @param tenantId the tenant asking; links must never cross tenants
     * @param agent    the agent as given in the request (exactly one IFI, checked)
     * @param ifiKey   its IFI key (as {@code th.phatthana.schema.xapi.ActorKey#of} makes it)
     * @return further agents (JSON objects, one IFI each) that are the same person; empty if none
     */
    List<JsonNode> otherIdentities(String tenantId, JsonNode agent, String ifiKey);
}
