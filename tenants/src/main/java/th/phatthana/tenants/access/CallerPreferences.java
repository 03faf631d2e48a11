package th.phatthana.tenants.access;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a person chose for the console, kept by the caller's subject so that it serves people
 * signed in with a password and through the OIDC issuer alike.
 *
 * @param subject  the caller's subject (user id, or {@code oidc:…})
 * @param language {@code th} or {@code en}
 */
@Document("caller_preferences")
public record CallerPreferences(@Id String subject, String language) {

    public static final String THAI = "th";
    public static final String ENGLISH = "en";

    public static boolean isLanguage(String value) {
        return THAI.equals(value) || ENGLISH.equals(value);
    }
}
