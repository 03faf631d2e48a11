package th.phatthana.lrs.xapi;

import jakarta.servlet.http.HttpServletRequest;

import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.tenants.credentials.XapiClient;

/** What the xAPI filter established about a request: who calls, for which tenant, in which xAPI version. */
public record XapiRequest(XapiClient client, XapiVersion version) {

    static final String ATTRIBUTE = XapiRequest.class.getName();

    public String tenantId() {
        return client.tenantId();
    }

    public static XapiRequest of(HttpServletRequest request) {
        XapiRequest xapi = (XapiRequest) request.getAttribute(ATTRIBUTE);
        if (xapi == null) {
            throw new IllegalStateException("xAPI request without authentication: the XapiFilter must run first");
        }
        return xapi;
    }
}
