package th.phatthana.api.progress;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An actor of the tenant's statements as progress counts them (the source of unmatched actors).
 *
 * @param displayKey the key to show (an mbox rather than its hash)
 * @param name       the last name a statement gave, or null
 * @param lastSeen   the latest statement timestamp, to the millisecond
 * @param seq        the seq of the last statement counted (each is counted once)
 */
record ProgressActor(String actorKey, String displayKey, String name, long statements, Instant lastSeen, long seq) {

    /** The actor with this statement counted; the same actor when it was counted already. */
    static ProgressActor counted(ProgressActor before, String actorKey, StatementFacts f) {
        if (before != null && before.seq() >= f.seq()) {
            return before;
        }
        Instant when = f.timestamp().truncatedTo(ChronoUnit.MILLIS);
        long statements = before == null ? 1 : before.statements() + 1;
        Instant lastSeen = before == null || before.lastSeen() == null || when.isAfter(before.lastSeen()) ? when : before.lastSeen();
        String name = f.actorName() != null ? f.actorName() : before == null ? null : before.name();
        return new ProgressActor(actorKey, f.displayKey(), name, statements, lastSeen, f.seq());
    }
}
