package th.phatthana.api.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the shared MongoDB
 * fixture, talked to over real HTTP. The Spring context is cached and shared by every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    /** The one browser origin the tests' application allows (PHATTHANA_CORS_ALLOWED_ORIGINS). */
    public static final String ALLOWED_ORIGIN = "https://elearning.dla.go.th";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("phatthana.store.mongodb-uri", MongoFixture::uri);
        registry.add("phatthana.demo.enabled", () -> "false");
        registry.add("phatthana.bootstrap.national-enabled", () -> "false");
        registry.add("phatthana.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        // Every test request comes from 127.0.0.1: the per-address limit would count the whole suite's
        // deliberate failures. The per-key limit stays as in production (GuessingThrottleTest).
        registry.add("phatthana.throttle.failures-per-address", () -> "100000");
        registry.add("spring.graphql.cors.allowed-origins", () -> ALLOWED_ORIGIN);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected String xapiEndpoint() {
        return baseUrl() + "/xapi/";
    }
}
