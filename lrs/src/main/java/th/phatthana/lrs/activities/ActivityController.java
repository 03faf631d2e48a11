package th.phatthana.lrs.activities;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.tenants.credentials.XapiScope;

/**
 * {@code GET /xapi/activities?activityId=…} (and HEAD): the tenant's canonical Activity object.
 * Any credential of the tenant may read it: definitions are what courses show to learners.
 */
@RestController
class ActivityController {

    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*");

    private final ActivityDefinitionService activities;

    ActivityController(ActivityDefinitionService activities) {
        this.activities = activities;
    }

    @GetMapping("/xapi/activities")
    ResponseEntity<byte[]> activity(HttpServletRequest request) {
        XapiRequest xapi = XapiRequest.of(request);
        if (!XapiScope.canReadDirectories(xapi.client().scopes())) {
            throw XapiException.forbidden("this credential may not read the Activities resource (it needs \"all/read\", "
                    + "\"statements/read\", \"profile\" or \"state\")");
        }
        Map<String, String[]> parameters = request.getParameterMap();
        for (String name : parameters.keySet()) {
            if (!name.equals("activityId")) {
                throw XapiException.badRequest("unknown parameter '" + name + "' for GET /xapi/activities (allowed: activityId)");
            }
        }
        String[] values = parameters.get("activityId");
        if (values == null) {
            throw XapiException.badRequest("missing required parameter 'activityId'");
        }
        if (values.length > 1) {
            throw XapiException.badRequest("parameter 'activityId' is given " + values.length + " times; give it once");
        }
        String activityId = values[0];
        if (!IRI.matcher(activityId).matches()) {
            throw XapiException.badRequest("parameter 'activityId' must be an IRI (with a scheme, such as https://...), not '"
                    + activityId + "'");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(activities.activity(xapi.tenantId(), activityId).toString().getBytes(StandardCharsets.UTF_8));
    }
}
