package th.phatthana.lrs.statements;

/** Published after statements are stored, so readers of the statement stream can catch up at once. */
public record StatementsStored(String tenantId, int count) {
}
