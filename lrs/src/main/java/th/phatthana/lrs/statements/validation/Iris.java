package th.phatthana.lrs.statements.validation;

/** The statement validator's absolute-IRI rule, for the query parameters that name an IRI. */
public final class Iris {

    private Iris() {
    }

    public static boolean isAbsolute(String value) {
        return value != null && Formats.isAbsoluteIri(value);
    }
}
