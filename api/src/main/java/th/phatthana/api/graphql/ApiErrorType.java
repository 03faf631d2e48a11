package th.phatthana.api.graphql;

import graphql.ErrorClassification;

/** The stable classification every GraphQL error carries in {@code extensions.classification}. */
public enum ApiErrorType implements ErrorClassification {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    BAD_REQUEST,
    INTERNAL
}
