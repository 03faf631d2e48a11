package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

import graphql.ExecutionResult;
import reactor.core.publisher.Flux;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.access.TokenCheck;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.XapiIdentity;

/**
 * planProgressChanged through the GraphQL engine (the same execution the WebSocket transport
 * drives): the current progress first, then again after the projector applied new statements.
 */
class ProgressSubscriptionTest extends ProgressTestSupport {

    @Autowired
    ExecutionGraphQlService graphQl;
    @Autowired
    AccessTokenService tokens;

    private Flux<Map<String, Object>> subscribe(String planId, Caller caller) {
        DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(
                "subscription($p: ID!) { planProgressChanged(planId: $p) { courses { courseKey participantsCompleted } } }", null,
                Map.of("p", planId), null, UUID.randomUUID().toString(), null);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of("caller", caller, "origin", "test")).build());
        ExecutionGraphQlResponse response = graphQl.execute(request).block();
        if (!response.getErrors().isEmpty()) {
            throw new IllegalStateException(response.getErrors().get(0).getMessage());
        }
        org.reactivestreams.Publisher<ExecutionResult> publisher = response.getData();
        return Flux.from(publisher).map(result -> {
            Map<String, Object> data = result.getData();
            return data;
        });
    }

    private Caller caller(Org org, Role role) {
        return ((TokenCheck.Valid) tokens.check(tenants.token(org.tenant, role))).caller();
    }

    @Test
    @SuppressWarnings("unchecked")
    void subscribersSeeProgressChangeAsStatementsArrive() throws Exception {
        int year = FiscalYears.of(Instant.now());
        Org org = new Org("อบต.สด");
        org.staff("สมพร", PositionType.ACADEMIC, XapiIdentity.ofMbox("mailto:somporn@example.go.th"));
        String planId = org.plan(year - 1, List.of(course("live", List.of(ACTIVITIES + "live"), PlanContent.CompletionRule.DEFAULT, year,
                List.of())), List.of());

        Flux<Integer> completed = subscribe(planId, caller(org, Role.VIEWER)).map(data -> {
            Map<String, Object> progress = (Map<String, Object>) data.get("planProgressChanged");
            List<Map<String, Object>> courses = (List<Map<String, Object>>) progress.get("courses");
            return ((Number) courses.get(0).get("participantsCompleted")).intValue();
        });
        Integer seen = completed.doOnSubscribe(s -> new Thread(() -> {
            try {
                Thread.sleep(300);
                org.post(statement(UUID.randomUUID().toString(), mbox("somporn@example.go.th"), COMPLETED, ACTIVITIES + "live",
                        Instant.now().toString(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start()).filter(n -> n == 1).blockFirst(Duration.ofSeconds(5));
        assertThat(seen).isEqualTo(1);

        Org other = new Org("อบต.อื่นสด");
        assertThatThrownBy(() -> subscribe(planId, caller(other, Role.TENANT_ADMIN)).blockFirst(Duration.ofSeconds(5)))
                .satisfies(e -> assertThat(((org.springframework.graphql.execution.SubscriptionPublisherException) e).getErrors().get(0)
                        .getErrorType()).hasToString("NOT_FOUND"));
    }

    @Autowired
    ProgressWebSocketInterceptor webSocket;

    /** A WebSocket session as the transport hands it to interceptors. */
    private static org.springframework.graphql.server.WebSocketSessionInfo session(Map<String, Object> attributes) {
        return new org.springframework.graphql.server.WebSocketSessionInfo() {
            public String getId() {
                return "s1";
            }

            public Map<String, Object> getAttributes() {
                return attributes;
            }

            public java.net.URI getUri() {
                return java.net.URI.create("ws://localhost/graphql");
            }

            public org.springframework.http.HttpHeaders getHeaders() {
                return new org.springframework.http.HttpHeaders();
            }

            public reactor.core.publisher.Mono<java.security.Principal> getPrincipal() {
                return reactor.core.publisher.Mono.empty();
            }

            public java.net.InetSocketAddress getRemoteAddress() {
                return null;
            }
        };
    }

    @Test
    void theConnectionInitPayloadCarriesTheBearerToken() {
        Org org = new Org("อบต.เว็บซ็อกเก็ต");
        Map<String, Object> attributes = new java.util.concurrent.ConcurrentHashMap<>();
        webSocket.handleConnectionInitialization(session(attributes),
                Map.of("Authorization", "Bearer " + tenants.token(org.tenant, Role.VIEWER))).block();
        assertThat(attributes.get(Caller.class.getName())).isInstanceOfSatisfying(Caller.class,
                caller -> assertThat(caller.tenantId()).isEqualTo(org.tenant.id()));

        Map<String, Object> anonymous = new java.util.concurrent.ConcurrentHashMap<>();
        webSocket.handleConnectionInitialization(session(anonymous), Map.of()).block();
        assertThat(anonymous).isEmpty();
        assertThatThrownBy(() -> webSocket.handleConnectionInitialization(session(new java.util.HashMap<>()),
                Map.of("Authorization", "Bearer pht_not-a-token")).block()).hasMessageContaining("invalid");
    }
}
