package th.phatthana.api.graphql;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.schema.InvalidInputException;

/** The fields of test-failures.graphqls (test resources only), for {@link GraphQlErrorsTest}. Not nested: Spring Boot's tests skip nested components. */
@Controller
class FailingFields {

    static final String SECRET = "connection to mongodb://admin:hunter2@db failed";

    @QueryMapping
    String testInternalFailure() {
        throw new IllegalArgumentException(SECRET);
    }

    @QueryMapping
    String testInvalidInput() {
        throw new InvalidInputException("not a valid Thai citizen ID (13 digits with a valid check digit)");
    }
}
