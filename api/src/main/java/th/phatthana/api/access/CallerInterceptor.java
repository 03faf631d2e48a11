package th.phatthana.api.access;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import th.phatthana.api.graphql.Languages;
import th.phatthana.schema.Message;
import th.phatthana.tenants.access.Caller;

/**
 * Puts the caller established by the CallerFilter into the GraphQL context, where resolvers read
 * it with {@code @ContextValue Caller caller}.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object caller = request.getAttributes().get(Caller.class.getName());
        Caller resolved = caller instanceof Caller c ? c : Callers.ANONYMOUS;
        String origin = request.getRemoteAddress() == null ? "" : request.getRemoteAddress().getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(Map.of("caller", resolved, "origin", origin, Languages.CONTEXT_KEY,
                        Message.languageOf(request.getHeaders().getFirst("Accept-Language")))).build());
        return chain.next(request);
    }
}
