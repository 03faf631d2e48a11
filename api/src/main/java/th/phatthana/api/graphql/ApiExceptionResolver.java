package th.phatthana.api.graphql;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.InvalidInputException;

/**
 * Maps exceptions to GraphQL errors with a stable classification and code; never a stack trace.
 * Only the project's own refusals and failed argument binding carry their message to the caller:
 * anything else is a bug, answered INTERNAL with a correlation id that the log line carries too.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            return error(env, ApiErrorType.of(api.kind()), api.code(), api.getMessage(Languages.of(env.getGraphQlContext())));
        }
        if (ex instanceof InvalidInputException) {
            return error(env, ApiErrorType.BAD_REQUEST, "BAD_REQUEST", ex.getMessage());
        }
        if (ex instanceof BindException bind) {
            return error(env, ApiErrorType.BAD_REQUEST, "BAD_REQUEST", "invalid argument: " + bind.getFieldErrors().stream()
                    .map(e -> e.getField()).distinct().collect(Collectors.joining(", ")));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("GraphQL field {} failed, correlation id {}", env.getExecutionStepInfo().getPath(), correlationId, ex);
        return GraphqlErrorBuilder.newError(env).errorType(ApiErrorType.INTERNAL).message("internal error")
                .extensions(Map.of("code", "INTERNAL", "correlationId", correlationId)).build();
    }

    private static GraphQLError error(DataFetchingEnvironment env, ApiErrorType type, String code, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(Map.of("code", code)).build();
    }
}
