package th.phatthana.api.xapi;

import org.junit.jupiter.api.Test;

/** The {@link StatementQueryScenario} checks, run by a test class on the store it is set up with. */
interface StatementQueryChecks {

    StatementQueryScenario scenario();

    @Test
    default void everyQueryKindReturnsWhatAScanReturns() {
        scenario().everyQueryKindReturnsWhatAScanReturns();
    }

    @Test
    default void moreCursorsStayStableWhileStatementsArrive() {
        scenario().moreCursorsStayStableWhileStatementsArrive();
    }

    @Test
    default void resultsAndCursorsStayWithinTheirTenant() {
        scenario().resultsAndCursorsStayWithinTheirTenant();
    }
}
