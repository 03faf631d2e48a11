package th.phatthana.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;

/**
 * With tracing on, one trace goes from an xAPI POST through the store's write of the statement to
 * the progress projector's catch-up that applies it (spans caught by an exporter in the test, where
 * production sends them to an OTLP endpoint).
 */
@TestPropertySource(properties = { "management.tracing.enabled=true", "management.tracing.sampling.probability=1.0" })
@Import(TracingTest.Exporter.class)
class TracingTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    SpanExporter caught;

    @Test
    void anXapiPostIsOneTraceFromTheRequestThroughTheStoreWriteToTheProjector() throws Exception {
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.ร่องรอย"));
        String statement = """
                {"id": "%s", "actor": {"mbox": "mailto:trace@example.go.th"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "https://elearning.example.go.th/xapi/activities/trace"}}""".formatted(UUID.randomUUID());
        assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<SpanData> trace = List.of();
        while (System.nanoTime() < deadline) {
            SpanData post = ((CaughtSpans) caught).spans.stream()
                    .filter(span -> span.getName().contains("post") && "/xapi/statements".equals(span.getAttributes().asMap().entrySet().stream()
                            .filter(e -> e.getKey().getKey().equals("uri")).map(e -> String.valueOf(e.getValue())).findFirst().orElse(null)))
                    .findFirst().orElse(null);
            if (post != null) {
                trace = ((CaughtSpans) caught).spans.stream().filter(span -> span.getTraceId().equals(post.getTraceId())).toList();
                if (trace.stream().anyMatch(span -> span.getName().equals("phatthana.progress.catch-up"))) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        Map<String, Long> names = trace.stream().collect(Collectors.groupingBy(SpanData::getName, Collectors.counting()));
        assertThat(names).as("spans of the POST's trace: %s", names).containsKey("phatthana.progress.catch-up");
        assertThat(trace).as("the store write of the statement in the same trace: %s", names)
                .anyMatch(span -> span.getName().contains("insert") && span.getName().contains("statements"));
    }

    @TestConfiguration
    static class Exporter {

        @Bean
        SpanExporter caughtSpanExporter() {
            return new CaughtSpans();
        }
    }

    /** Keeps every span the application exports. */
    static class CaughtSpans implements SpanExporter {

        final Collection<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
