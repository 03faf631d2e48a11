package th.phatthana.api.xapi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;

/** {@link StatementQueryScenario} on the shared store, reached as a MongoDB: the queries of {@code MongoStatementIndex}. */
class StatementQueryAgreementTest extends IntegrationTest {

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
