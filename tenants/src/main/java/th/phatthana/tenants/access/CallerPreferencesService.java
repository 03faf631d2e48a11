package th.phatthana.tenants.access;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The console language each person chose; Thai until they choose. */
@Service
public class CallerPreferencesService {

    private final MongoTemplate mongo;

    public CallerPreferencesService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String language(Caller caller) {
        CallerPreferences preferences = mongo.findById(caller.subject(), CallerPreferences.class);
        return preferences == null ? CallerPreferences.THAI : preferences.language();
    }

    public void setLanguage(Caller caller, String language) {
        if (!CallerPreferences.isLanguage(language)) {
            throw new IllegalArgumentException("the language is th or en");
        }
        mongo.save(new CallerPreferences(caller.subject(), language));
    }
}
