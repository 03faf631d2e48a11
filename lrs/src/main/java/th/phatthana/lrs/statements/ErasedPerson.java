package th.phatthana.lrs.statements;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.tenants.staff.XapiIdentity;

/**
 * A person being erased from one organisation's learning record store (PDPA): how to recognise
 * them and what replaces them.
 *
 * <p>An agent is theirs when its identifier ({@link ActorKey#of(tools.jackson.databind.JsonNode)} key) is one of their
 * identities: an {@code mbox} compared without regard to case, an {@code mbox_sha1sum} equal to
 * the SHA-1 of one of their mailboxes or to one of their hashes (so an mbox in a statement also
 * matches a person known only by the hash of it), their {@code openid} or {@code account}.
 *
 * <p>A text mentions them when it contains one of their identifying texts: e-mail addresses, the
 * hashes, openids, account names and names. A text shorter than {@link #MIN_SEARCHED_LENGTH}
 * characters (a short account name, a short name) only counts as the whole value, so that "42"
 * does not match every number.
 */
public final class ErasedPerson {

    /** The home page of the accounts that replace erased people in statements. */
    public static final String ERASED_HOME_PAGE = "https://phatthana.th/xapi/erased";
    /** What replaces an identifying text found elsewhere in a statement. */
    static final String REDACTED = "erased";
    static final int MIN_SEARCHED_LENGTH = 5;

    private final Set<String> mboxes = new LinkedHashSet<>();
    private final Set<String> sha1s = new LinkedHashSet<>();
    private final Set<String> openids = new LinkedHashSet<>();
    private final Set<String> accounts = new LinkedHashSet<>();
    private final Set<String> wholeValues = new LinkedHashSet<>();
    private final List<Pattern> searched = new ArrayList<>();
    private final String pseudonym;

    private ErasedPerson(String pseudonym) {
        this.pseudonym = pseudonym;
    }

    /**
     * @param identities the person's xAPI identities
     * @param names      names they are known by (the staff record's, the names statements gave them)
     * @param pseudonym  the random account name that replaces them
     */
    public static ErasedPerson of(Collection<XapiIdentity> identities, Collection<String> names, String pseudonym) {
        ErasedPerson person = new ErasedPerson(pseudonym);
        List<String> texts = new ArrayList<>();
        for (XapiIdentity identity : identities) {
            if (identity.mbox() != null) {
                String mbox = identity.mbox();
                person.mboxes.add(mbox.toLowerCase(Locale.ROOT));
                person.sha1s.add(ActorKey.sha1Hex(mbox));
                person.sha1s.add(ActorKey.sha1Hex(mbox.toLowerCase(Locale.ROOT)));
                texts.add(mbox.regionMatches(true, 0, "mailto:", 0, 7) ? mbox.substring(7) : mbox);
            } else if (identity.mboxSha1sum() != null) {
                person.sha1s.add(identity.mboxSha1sum().toLowerCase(Locale.ROOT));
            } else if (identity.openid() != null) {
                person.openids.add(identity.openid());
                texts.add(identity.openid());
            } else if (identity.account() != null) {
                person.accounts.add(identity.account().homePage() + "|" + identity.account().name());
                texts.add(identity.account().name());
            }
        }
        texts.addAll(person.sha1s);
        texts.addAll(names);
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String stripped = text.strip();
            if (stripped.length() < MIN_SEARCHED_LENGTH) {
                person.wholeValues.add(stripped.toLowerCase(Locale.ROOT));
            } else {
                person.searched.add(Pattern.compile(Pattern.quote(stripped), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        return person;
    }

    /** Whether the agent with this IFI key ({@link ActorKey#of(tools.jackson.databind.JsonNode)}) is the person; false for null. */
    public boolean isTheirs(String ifiKey) {
        if (ifiKey == null) {
            return false;
        }
        int bar = ifiKey.indexOf('|');
        String kind = ifiKey.substring(0, Math.max(bar, 0));
        String value = ifiKey.substring(bar + 1);
        return switch (kind) {
            case "mbox" -> mboxes.contains(value.toLowerCase(Locale.ROOT)) || sha1s.contains(ActorKey.sha1Hex(value))
                    || sha1s.contains(ActorKey.sha1Hex(value.toLowerCase(Locale.ROOT)));
            case "sha1" -> sha1s.contains(value.toLowerCase(Locale.ROOT));
            case "openid" -> openids.contains(value);
            case "account" -> accounts.contains(value);
            default -> false;
        };
    }

    /** Whether the text contains one of the person's identifying texts. */
    public boolean mentionedIn(String text) {
        if (text == null) {
            return false;
        }
        if (wholeValues.contains(text.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Pattern pattern : searched) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a JSON text (a whole statement) mentions the person: the searched texts anywhere, and
     * the short ones as a whole string value ({@code "42"}).
     */
    boolean mentionedInJson(String json) {
        for (Pattern pattern : searched) {
            if (pattern.matcher(json).find()) {
                return true;
            }
        }
        String lower = json.toLowerCase(Locale.ROOT);
        for (String value : wholeValues) {
            if (lower.contains("\"" + value + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The value with each identifying text replaced by {@value #REDACTED}. */
    String redact(String value) {
        if (wholeValues.contains(value.strip().toLowerCase(Locale.ROOT))) {
            return REDACTED;
        }
        String redacted = value;
        for (Pattern pattern : searched) {
            redacted = pattern.matcher(redacted).replaceAll(REDACTED);
        }
        return redacted;
    }

    /** The account name of the random account that replaces the person. */
    public String pseudonym() {
        return pseudonym;
    }

    @Override
    public String toString() {
        return "ErasedPerson[identifiers withheld]"; // never log who is being erased
    }
}
