package th.phatthana.lrs.statements;

/** The raw content of a statement attachment, identified by its SHA-2 hash. */
public record Attachment(String sha2, String contentType, byte[] content) {
}
