package th.phatthana.api.meta;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ApiVersionController {

    @QueryMapping
    String apiVersion() {
        return "0.1.0";
    }

    @MutationMapping
    String ping() {
        return "pong";
    }
}
