package th.phatthana.api.xapi;

import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.EmbeddedStoreIntegrationTest;
import th.phatthana.api.testing.TestTenants;

/** {@link StatementQueryScenario} on the embedded store: the queries of {@code InProcessStatementIndex}. */
class EmbeddedStatementQueryAgreementTest extends EmbeddedStoreIntegrationTest implements StatementQueryChecks {

    @Autowired
    TestTenants tenants;

    @Override
    public StatementQueryScenario scenario() {
        return new StatementQueryScenario(xapiEndpoint(), tenants);
    }
}
