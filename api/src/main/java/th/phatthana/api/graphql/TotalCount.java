package th.phatthana.api.graphql;

import java.util.function.LongSupplier;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

/**
 * The {@code totalCount} of a connection, over all pages: the list resolver hands it down in the
 * local context, and it is computed only when a client asks for it.
 */
public record TotalCount(LongSupplier count) {

    public static <T> DataFetcherResult<Window<T>> page(Window<T> window, LongSupplier count) {
        return DataFetcherResult.<Window<T>>newResult().data(window).localContext(new TotalCount(count)).build();
    }

    static long of(DataFetchingEnvironment environment) {
        if (environment.getLocalContext() instanceof TotalCount total) {
            return total.count().getAsLong();
        }
        throw new IllegalStateException("totalCount asked outside its list");
    }

    @Controller
    static class Fields {
        @SchemaMapping(typeName = "OrganisationConnection", field = "totalCount")
        long organisations(DataFetchingEnvironment environment) {
            return of(environment);
        }

        @SchemaMapping(typeName = "CompetencyConnection", field = "totalCount")
        long competencies(DataFetchingEnvironment environment) {
            return of(environment);
        }

        @SchemaMapping(typeName = "PlanConnection", field = "totalCount")
        long plans(DataFetchingEnvironment environment) {
            return of(environment);
        }
    }
}
