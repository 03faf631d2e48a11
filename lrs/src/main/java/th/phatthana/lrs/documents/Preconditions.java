package th.phatthana.lrs.documents;

import java.util.ArrayList;
import java.util.List;

import th.phatthana.lrs.xapi.XapiException;

/**
 * The {@code If-Match} / {@code If-None-Match} request headers (RFC 9110 §13.1.1-2, the
 * RFC 2616 rules xAPI refers to) as the document resources evaluate them against the stored
 * document. {@code If-Match} compares strongly (a weak tag never matches); {@code If-None-Match}
 * weakly. Both are evaluated, If-Match first.
 */
record Preconditions(Condition ifMatch, Condition ifNoneMatch) {

    /** One header: {@code *} or a list of entity tags (stored without quotes). */
    record Condition(boolean any, List<String> strongTags, List<String> allTags) {
    }

    static Preconditions parse(String ifMatch, String ifNoneMatch) {
        return new Preconditions(condition("If-Match", ifMatch), condition("If-None-Match", ifNoneMatch));
    }

    boolean none() {
        return ifMatch == null && ifNoneMatch == null;
    }

    /**
     * Whether the request may go ahead given the current document.
     *
     * @param currentEtag the stored document's entity tag (unquoted), or null when there is none
     */
    boolean pass(String currentEtag) {
        if (ifMatch != null) {
            if (currentEtag == null) {
                return false;
            }
            if (!ifMatch.any() && !ifMatch.strongTags().contains(currentEtag)) {
                return false;
            }
        }
        if (ifNoneMatch != null && currentEtag != null) {
            return !ifNoneMatch.any() && !ifNoneMatch.allTags().contains(currentEtag);
        }
        return true;
    }

    /** Why {@link #pass} failed, for the 412 message. */
    String failure(String currentEtag) {
        if (ifMatch != null && currentEtag == null) {
            return "If-Match failed: there is no such document (send If-None-Match: * to create it)";
        }
        if (ifMatch != null && !ifMatch.any() && !ifMatch.strongTags().contains(currentEtag)) {
            return "If-Match failed: the document has changed; its current ETag is \"" + currentEtag
                    + "\". GET it again, then retry with that ETag";
        }
        return ifNoneMatch != null && ifNoneMatch.any()
                ? "If-None-Match: * failed: the document already exists (send If-Match with its ETag to replace it)"
                : "If-None-Match failed: the document's current ETag \"" + currentEtag + "\" is one of those given";
    }

    private static Condition condition(String header, String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.isEmpty()) {
            // Not valid HTTP, but ADL's jxapi sends an empty header when it has no ETag: read it as absent.
            return null;
        }
        if (text.equals("*")) {
            return new Condition(true, List.of(), List.of());
        }
        List<String> strong = new ArrayList<>();
        List<String> all = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean weak = false;
            if (text.startsWith("W/", i)) {
                weak = true;
                i += 2;
            }
            String tag;
            if (i < n && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw XapiException.badRequest(header + " has an unterminated quoted ETag: " + value);
                }
                tag = text.substring(i + 1, end);
                i = end + 1;
            } else {
                throw XapiException.badRequest(header + ": entity tags are quoted, as the ETag header gives them (e.g. "
                        + header + ": \"" + text.substring(i).split(",")[0].trim() + "\"), or *");
            }
            all.add(tag);
            if (!weak) {
                strong.add(tag);
            }
        }
        if (all.isEmpty()) {
            throw XapiException.badRequest(header + " holds no ETag: send \"*\" or quoted ETags");
        }
        return new Condition(false, List.copyOf(strong), List.copyOf(all));
    }
}
