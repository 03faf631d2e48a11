package th.phatthana.schema;

import java.util.Locale;

/**
 * A message for people in the two languages of the API: Thai, said by default, and English, said
 * when the request's {@code Accept-Language} ranks English above Thai. Neither text may be blank.
 * Codes and fields, which programs read, are never part of a message.
 */
public record Message(String th, String en) {

    public Message {
        if (th == null || th.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a message needs a Thai and an English text: [" + th + "] [" + en + "]");
        }
    }

    public static Message of(String th, String en) {
        return new Message(th, en);
    }

    /** The text in the given language: English for {@code en…}, Thai for anything else or null. */
    public String in(Locale locale) {
        return isEnglish(locale) ? en : th;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }

    /**
     * The language a request asks for by its {@code Accept-Language}: English when it ranks English
     * above Thai, otherwise (missing, unreadable, Thai or another language) Thai.
     */
    public static Locale languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Glossary.THAI;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
                if (language.equals("th")) {
                    return Glossary.THAI;
                }
            }
        } catch (IllegalArgumentException e) {
            return Glossary.THAI;
        }
        return Glossary.THAI;
    }
}
