package th.phatthana.api.progress;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import th.phatthana.api.graphql.ApiErrorType;
import th.phatthana.api.problems.ApiException;

/**
 * Errors of subscriptions, classified like those of queries (the DataFetcherExceptionResolver does
 * not see them): NOT_FOUND, UNAUTHENTICATED… with a stable {@code code}; anything else INTERNAL with a
 * correlation id that the log line carries too, never the exception's message.
 */
@Component
class ProgressSubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ProgressSubscriptionErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof ApiException api) {
            return GraphqlErrorBuilder.newError().errorType(ApiErrorType.of(api.kind())).message(api.getMessage())
                    .extensions(Map.of("code", api.code())).build();
        }
        String correlationId = java.util.UUID.randomUUID().toString();
        log.error("GraphQL subscription failed, correlation id {}", correlationId, ex);
        return GraphqlErrorBuilder.newError().errorType(ApiErrorType.INTERNAL).message("internal error")
                .extensions(Map.of("code", "INTERNAL", "correlationId", correlationId)).build();
    }
}
