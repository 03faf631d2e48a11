package th.phatthana.api.graphql;

import java.util.Locale;

import graphql.GraphQLContext;
import th.phatthana.schema.Glossary;

/** The language of a GraphQL request, put in its context as {@code locale} by the CallerInterceptor. */
public final class Languages {

    public static final String CONTEXT_KEY = "locale";

    private Languages() {
    }

    public static Locale of(GraphQLContext context) {
        Object locale = context == null ? null : context.get(CONTEXT_KEY);
        return locale instanceof Locale l ? l : Glossary.THAI;
    }
}
