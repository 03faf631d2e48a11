package th.phatthana.api.graphql;

import graphql.ErrorClassification;
import th.phatthana.api.problems.ApiException;

/** The stable classification every GraphQL error carries in {@code extensions.classification}. */
public enum ApiErrorType implements ErrorClassification {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    BAD_REQUEST,
    INTERNAL;

    public static ApiErrorType of(ApiException.Kind kind) {
        return switch (kind) {
            case UNAUTHENTICATED -> UNAUTHENTICATED;
            case FORBIDDEN -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case BAD_REQUEST -> BAD_REQUEST;
        };
    }
}
