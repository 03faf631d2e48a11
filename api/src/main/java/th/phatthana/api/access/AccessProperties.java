package th.phatthana.api.access;


import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the access doors (docs/operations.md lists their variables).
 *
 * @param graphql  the largest GraphQL request body ({@code phatthana.graphql.max-request-bytes}, 1 MiB)
 * @param upload   the largest upload ({@code phatthana.upload.max-request-bytes}, 20 MiB)
 */
@ConfigurationProperties("phatthana")
public record AccessProperties(Limit graphql, Limit upload) {

    public AccessProperties {
        graphql = graphql != null && graphql.maxRequestBytes() != null ? graphql : new Limit(1_048_576L);
        upload = upload != null && upload.maxRequestBytes() != null ? upload : new Limit(20_971_520L);
    }

    public record Limit(Long maxRequestBytes) {
    }
}
