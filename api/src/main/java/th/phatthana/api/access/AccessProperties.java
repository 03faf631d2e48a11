package th.phatthana.api.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the access doors (docs/operations.md lists their variables).
 *
 * @param throttle bearer-token guessing: failures per client address in a window ({@code phatthana.throttle.*})
 * @param graphql  the largest GraphQL request body ({@code phatthana.graphql.max-request-bytes}, 1 MiB)
 * @param upload   the largest upload ({@code phatthana.upload.max-request-bytes}, 20 MiB)
 */
@ConfigurationProperties("phatthana")
public record AccessProperties(Throttle throttle, Limit graphql, Limit upload) {

    public AccessProperties {
        throttle = throttle != null ? throttle : new Throttle(null, null);
        graphql = graphql != null && graphql.maxRequestBytes() != null ? graphql : new Limit(1_048_576L);
        upload = upload != null && upload.maxRequestBytes() != null ? upload : new Limit(20_971_520L);
    }

    public record Throttle(Integer failuresPerAddress, Duration window) {
        public Throttle {
            failuresPerAddress = failuresPerAddress != null ? failuresPerAddress : 30;
            window = window != null ? window : Duration.ofMinutes(1);
        }
    }

    public record Limit(Long maxRequestBytes) {
    }
}
