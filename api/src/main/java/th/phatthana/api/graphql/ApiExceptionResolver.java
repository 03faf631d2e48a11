package th.phatthana.api.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/** Maps exceptions to GraphQL errors with a stable classification and code; never a stack trace. */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            return GraphqlErrorBuilder.newError(env).errorType(api.type()).message(api.getMessage())
                    .extensions(java.util.Map.of("code", api.code())).build();
        }
        if (ex instanceof IllegalArgumentException) {
            return GraphqlErrorBuilder.newError(env).errorType(ApiErrorType.BAD_REQUEST).message(ex.getMessage())
                    .extensions(java.util.Map.of("code", "BAD_REQUEST")).build();
        }
        log.error("GraphQL field {} failed", env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env).errorType(ApiErrorType.INTERNAL).message("internal error")
                .extensions(java.util.Map.of("code", "INTERNAL")).build();
    }
}
