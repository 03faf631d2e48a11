package th.phatthana.tenants.staff;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import th.phatthana.schema.Problem;
import th.phatthana.schema.xapi.ActorKey;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One xAPI identity of a staff member: exactly one inverse functional identifier (IFI) of xAPI,
 * as statements about the person carry it: {@code mbox}, {@code mbox_sha1sum}, {@code openid} or
 * {@code account}. Statements are attributed to staff through these.
 */
public record XapiIdentity(String mbox, String mboxSha1sum, String openid, XapiAccount account) {

    private static final String EMAIL = "[^@\\s:/]+@[^@\\s/]+\\.[^@\\s/]+";

    public static XapiIdentity ofMbox(String mbox) {
        return new XapiIdentity(mbox, null, null, null);
    }

    public static XapiIdentity ofAccount(String homePage, String name) {
        return new XapiIdentity(null, null, null, new XapiAccount(homePage, name));
    }

    /** The key of this identity, as statements' actors get it ({@link ActorKey}). */
    public String key() {
        return ActorKey.of(mbox, mboxSha1sum, openid, account == null ? null : account.homePage(),
                account == null ? null : account.name());
    }

    /**
     * Every key a statement may use for this identity: its own, and for an {@code mbox} also the
     * {@code mbox_sha1sum} of it, so a provider that hashes e-mail addresses is matched too.
     */
    public List<String> lookupKeys() {
        return ActorKey.lookupKeys(mbox, mboxSha1sum, openid, account == null ? null : account.homePage(),
                account == null ? null : account.name());
    }

    /** This identity as an xAPI Agent object ({@code objectType} and the one IFI; no name). */
    public ObjectNode agent() {
        ObjectNode agent = JsonNodeFactory.instance.objectNode().put("objectType", "Agent");
        if (mbox != null) {
            agent.put("mbox", mbox);
        } else if (mboxSha1sum != null) {
            agent.put("mbox_sha1sum", mboxSha1sum);
        } else if (openid != null) {
            agent.put("openid", openid);
        } else {
            agent.putObject("account").put("homePage", account.homePage()).put("name", account.name());
        }
        return agent;
    }

    /**
     * Checks and normalises an identity as given: exactly one IFI; an e-mail address without
     * {@code mailto:} gets it; a SHA-1 is 40 hex digits (lower-cased); openid and account home
     * page are absolute http(s) URLs; an account has a name.
     *
     * @param field the field path to name in problems
     * @return the normalised identity, or null when problems were added
     */
    public static XapiIdentity check(XapiIdentity given, String field, List<Problem> problems) {
        int before = problems.size();
        if (given == null) {
            problems.add(Problem.required(field));
            return null;
        }
        int ifis = (blank(given.mbox) ? 0 : 1) + (blank(given.mboxSha1sum) ? 0 : 1) + (blank(given.openid) ? 0 : 1)
                + (given.account == null ? 0 : 1);
        if (ifis != 1) {
            problems.add(Problem.invalid(field, "ตัวตน xAPI ต้องมีอย่างใดอย่างหนึ่งเท่านั้น: mbox, mboxSha1sum, openid หรือ account", "an xAPI identity has exactly one of mbox, mboxSha1sum, openid, account"));
            return null;
        }
        XapiIdentity normalised;
        if (!blank(given.mbox)) {
            String mbox = given.mbox.strip();
            if (mbox.regionMatches(true, 0, "mailto:", 0, 7)) {
                mbox = "mailto:" + mbox.substring(7);
            } else {
                mbox = "mailto:" + mbox;
            }
            if (!mbox.substring(7).matches(EMAIL)) {
                problems.add(Problem.invalid(field + ".mbox", "mbox ต้องเป็นอีเมล (mailto:name@example.go.th)", "mbox must be an e-mail address (mailto:name@example.go.th)"));
            }
            normalised = new XapiIdentity(mbox, null, null, null);
        } else if (!blank(given.mboxSha1sum)) {
            String sha1 = given.mboxSha1sum.strip().toLowerCase(Locale.ROOT);
            if (!sha1.matches("[0-9a-f]{40}")) {
                problems.add(Problem.invalid(field + ".mboxSha1sum", "mboxSha1sum ต้องเป็นเลขฐานสิบหก 40 หลัก", "mboxSha1sum must be 40 hexadecimal digits"));
            }
            normalised = new XapiIdentity(null, sha1, null, null);
        } else if (!blank(given.openid)) {
            String openid = given.openid.strip();
            if (!httpUrl(openid)) {
                problems.add(Problem.invalid(field + ".openid", "openid ต้องเป็น URL แบบเต็ม (http หรือ https)", "openid must be an absolute http(s) URL"));
            }
            normalised = new XapiIdentity(null, null, openid, null);
        } else {
            String homePage = given.account.homePage() == null ? "" : given.account.homePage().strip();
            String name = given.account.name() == null ? "" : given.account.name().strip();
            if (!httpUrl(homePage)) {
                problems.add(Problem.invalid(field + ".account.homePage", "account.homePage ต้องเป็น URL แบบเต็ม (http หรือ https)", "account.homePage must be an absolute http(s) URL"));
            }
            if (name.isEmpty()) {
                problems.add(Problem.required(field + ".account.name"));
            }
            normalised = new XapiIdentity(null, null, null, new XapiAccount(homePage, name));
        }
        return problems.size() == before ? normalised : null;
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
