package th.phatthana.api.problems;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import th.phatthana.schema.Message;

/** The language an HTTP request asks messages in: English when Accept-Language ranks it above Thai, Thai otherwise. */
public final class RequestLanguage {

    private RequestLanguage() {
    }

    public static Locale of(HttpServletRequest request) {
        return Message.languageOf(request == null ? null : request.getHeader("Accept-Language"));
    }

    /** The text of a message in the request's language. */
    public static String say(HttpServletRequest request, String th, String en) {
        return Message.of(th, en).in(of(request));
    }
}
