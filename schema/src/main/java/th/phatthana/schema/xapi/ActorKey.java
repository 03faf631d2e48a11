package th.phatthana.schema.xapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The one place that turns an xAPI actor identity into its key: an agent's (or identified group's)
 * inverse functional identifier as a flat string, {@code mbox|mailto:…}, {@code sha1|…},
 * {@code openid|…} or {@code account|homePage|name}. Two actors are the same when their keys are.
 *
 * <p>The strings are stored (statement query keys, staff identity keys, progress read model), so
 * their form never changes: the mbox is kept as given (case included), an mbox_sha1sum is
 * lower-cased, an account's missing part is empty.
 */
public final class ActorKey {

    private ActorKey() {
    }

    /**
     * The key of one IFI given as its parts, exactly one of them set (a staff identity); the
     * first set wins in the order mbox, mbox_sha1sum, openid, account.
     */
    public static String of(String mbox, String mboxSha1sum, String openid, String homePage, String name) {
        if (mbox != null) {
            return mbox(mbox);
        }
        if (mboxSha1sum != null) {
            return sha1(mboxSha1sum);
        }
        if (openid != null) {
            return openid(openid);
        }
        return account(homePage, name);
    }

    /** The key of an agent or identified group, or null for an anonymous group (or no object). */
    public static String of(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return null;
        }
        JsonNode value = agent.get("mbox");
        if (value != null && value.isString()) {
            return mbox(value.stringValue());
        }
        value = agent.get("mbox_sha1sum");
        if (value != null && value.isString()) {
            return sha1(value.stringValue());
        }
        value = agent.get("openid");
        if (value != null && value.isString()) {
            return openid(value.stringValue());
        }
        JsonNode account = agent.get("account");
        if (account != null && account.isObject()) {
            return account(account.path("homePage").asString(""), account.path("name").asString(""));
        }
        return null;
    }

    /**
     * Every key an identity given as its parts can be matched by: its own, and for an mbox also
     * the key of its mbox_sha1sum, so an identity given either way matches statements sent the other way.
     */
    public static List<String> lookupKeys(String mbox, String mboxSha1sum, String openid, String homePage, String name) {
        List<String> keys = new ArrayList<>(2);
        keys.add(of(mbox, mboxSha1sum, openid, homePage, name));
        if (mbox != null) {
            keys.add(sha1(sha1Hex(mbox)));
        }
        return keys;
    }

    /**
     * Every key an actor of a statement can be matched by: each IFI it carries (an mbox followed by
     * the key of its SHA-1), in the order mbox, mbox_sha1sum, openid, account; an anonymous group
     * gives its members' keys.
     */
    public static List<String> lookupKeys(JsonNode agent) {
        List<String> keys = new ArrayList<>();
        if (agent == null || !agent.isObject()) {
            return keys;
        }
        String mbox = agent.path("mbox").asString(null);
        if (mbox != null) {
            keys.add(mbox(mbox));
            keys.add(sha1(sha1Hex(mbox)));
        }
        String sha1 = agent.path("mbox_sha1sum").asString(null);
        if (sha1 != null) {
            keys.add(sha1(sha1));
        }
        String openid = agent.path("openid").asString(null);
        if (openid != null) {
            keys.add(openid(openid));
        }
        JsonNode account = agent.path("account");
        if (account.isObject()) {
            keys.add(account(account.path("homePage").asString(""), account.path("name").asString("")));
        }
        if (keys.isEmpty() && agent.path("member").isArray()) {
            agent.get("member").forEach(member -> keys.addAll(lookupKeys(member)));
        }
        return keys;
    }

    /** Whether the key is of an mbox_sha1sum (the key progress files a statement under when it has one). */
    public static boolean isSha1(String key) {
        return key.startsWith("sha1|");
    }

    /** The SHA-1 of a mailto IRI in lower-case hex, as xAPI's mbox_sha1sum defines it. */
    public static String sha1Hex(String mbox) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(mbox.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mbox(String mbox) {
        return "mbox|" + mbox;
    }

    private static String sha1(String sha1) {
        return "sha1|" + sha1.toLowerCase(Locale.ROOT);
    }

    private static String openid(String openid) {
        return "openid|" + openid;
    }

    private static String account(String homePage, String name) {
        return "account|" + homePage + "|" + name;
    }
}
