package th.phatthana.api.graphql;

import java.util.Locale;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.GraphQLContext;

/** A userError's message in the language of the request (the context's {@code locale}: Thai unless English is asked for). */
@Controller
class UserErrorMessages {

    @SchemaMapping(typeName = "UserError", field = "message")
    String message(UserError error, GraphQLContext context) {
        return error.message(Languages.of(context));
    }
}
