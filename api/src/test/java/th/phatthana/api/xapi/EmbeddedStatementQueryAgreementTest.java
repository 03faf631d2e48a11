package th.phatthana.api.xapi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.EmbeddedStoreIntegrationTest;
import th.phatthana.api.testing.TestTenants;

/** {@link StatementQueryScenario} on the embedded store: the queries of {@code InProcessStatementIndex}. */
class EmbeddedStatementQueryAgreementTest extends EmbeddedStoreIntegrationTest {

    @Autowired
    TestTenants tenants;

    @Test
    void everyQueryKindReturnsWhatAScanReturns() {
        new StatementQueryScenario(xapiEndpoint(), tenants).everyQueryKindReturnsWhatAScanReturns();
    }

    @Test
    void moreCursorsStayStableWhileStatementsArrive() {
        new StatementQueryScenario(xapiEndpoint(), tenants).moreCursorsStayStableWhileStatementsArrive();
    }

    @Test
    void resultsAndCursorsStayWithinTheirTenant() {
        new StatementQueryScenario(xapiEndpoint(), tenants).resultsAndCursorsStayWithinTheirTenant();
    }
}
