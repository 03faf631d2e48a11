package th.phatthana.lrs.documents;

import java.time.Instant;

/**
 * A stored document: its bytes exactly as received (or as merged), their Content-Type, the
 * strong entity tag (SHA-1 hex of the bytes, unquoted), when it last changed, and the version
 * counter that conditional writes compare and swap on.
 */
record StoredDocument(String key, String documentId, String contentType, byte[] content, String etag, Instant updated, long version) {

    String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
