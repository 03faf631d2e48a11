package th.phatthana.api.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests that need the embedded store itself, in memory, as
 * {@code PHATTHANA_STORE=memory} runs it (the shared fixture reaches its server as a MongoDB would,
 * so the application takes the MongoDB paths there). One more Spring context, shared by every subclass.
 */
@SpringBootTest(classes = th.phatthana.api.PhatthanaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "phatthana.store.mongodb-uri=",
        "phatthana.store.mode=memory",
        "phatthana.demo.enabled=false",
        "phatthana.bootstrap.national-enabled=false" })
public abstract class EmbeddedStoreIntegrationTest {

    @LocalServerPort
    protected int port;

    protected String xapiEndpoint() {
        return "http://localhost:" + port + "/xapi/";
    }
}
