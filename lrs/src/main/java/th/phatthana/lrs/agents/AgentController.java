package th.phatthana.lrs.agents;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /xapi/agents?agent=…} (and HEAD): the Person object for an agent. It can reveal the
 * other identities of a person, so it needs a credential that may read the tenant's statements
 * or use its state/profile documents.
 */
@RestController
class AgentController {

    private final AgentDirectory directory;
    private final JsonMapper json;

    AgentController(AgentDirectory directory, JsonMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/xapi/agents")
    ResponseEntity<byte[]> person(HttpServletRequest request) {
        XapiRequest xapi = XapiRequest.of(request);
        Set<XapiScope> scopes = xapi.client().scopes();
        if (!XapiScope.canReadDirectories(scopes)) {
            throw XapiException.forbidden("this credential may not read the Agents resource (it needs \"all/read\", "
                    + "\"statements/read\", \"profile\" or \"state\")");
        }
        Map<String, String[]> parameters = request.getParameterMap();
        for (String name : parameters.keySet()) {
            if (!name.equals("agent")) {
                throw XapiException.badRequest("unknown parameter '" + name + "' for GET /xapi/agents (allowed: agent)");
            }
        }
        String[] values = parameters.get("agent");
        if (values != null && values.length > 1) {
            throw XapiException.badRequest("parameter 'agent' is given " + values.length + " times; give it once");
        }
        AgentParameter agent = AgentParameter.parse("agent", values == null ? null : values[0], false, json);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(directory.person(xapi.tenantId(), agent).toString().getBytes(StandardCharsets.UTF_8));
    }
}
