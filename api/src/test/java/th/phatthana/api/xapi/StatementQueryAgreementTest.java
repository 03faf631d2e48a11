package th.phatthana.api.xapi;

import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;

/** {@link StatementQueryScenario} on the shared store, reached as a MongoDB: the queries of {@code MongoStatementIndex}. */
class StatementQueryAgreementTest extends IntegrationTest implements StatementQueryChecks {

    @Autowired
    TestTenants tenants;

    @Override
    public StatementQueryScenario scenario() {
        return new StatementQueryScenario(xapiEndpoint(), tenants);
    }
}
