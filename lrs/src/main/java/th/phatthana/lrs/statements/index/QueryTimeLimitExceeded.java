package th.phatthana.lrs.statements.index;

/** A statement query was still running at its deadline and was stopped. */
public final class QueryTimeLimitExceeded extends RuntimeException {

    public QueryTimeLimitExceeded() {
        super("the statement query did not finish within its time limit", null, false, false);
    }
}
