package th.phatthana.api.progress;

import java.util.List;

/**
 * What the read model keeps of one statement: what progress reads of it, whether it is voided,
 * and exactly what it added to which course-years.
 */
record Fact(StatementFacts statement, boolean voided, List<Contribution> contributions) {

    Fact {
        contributions = List.copyOf(contributions);
    }

    /** Whether the statement counts for courses: not voided, not a voiding statement, and with an actor. */
    boolean counts() {
        return !voided && statement.voidedStatementId() == null && statement.actorKey() != null;
    }

    Fact asVoided() {
        return new Fact(statement, true, contributions);
    }

    Fact withContributions(List<Contribution> recorded) {
        return new Fact(statement, voided, recorded);
    }
}
