package th.phatthana.lrs.xapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which web origins may call the xAPI resources from a browser ({@code PHATTHANA_CORS_ALLOWED_ORIGINS},
 * comma-separated, e.g. {@code https://lms.example.go.th}). Empty, the default: no origin is allowed,
 * so content launched from another site cannot read what it posts or fetches. Never {@code *}:
 * every origin is named. The same list applies to GraphQL (application.properties).
 */
@ConfigurationProperties("phatthana.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).map(CorsProperties::withoutSlash).toList();
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("phatthana.cors.allowed-origins: name each origin; '*' is not allowed");
        }
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(withoutSlash(origin));
    }

    private static String withoutSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
