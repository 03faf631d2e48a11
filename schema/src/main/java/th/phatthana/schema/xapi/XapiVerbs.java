package th.phatthana.schema.xapi;

/** The ADL verb IRIs the product itself relies on (voiding, and the verbs of completion rules and offline records). */
public final class XapiVerbs {

    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    /** A statement with this verb voids the statement its StatementRef object names. */
    public static final String VOIDED = ADL + "voided";
    public static final String COMPLETED = ADL + "completed";
    public static final String PASSED = ADL + "passed";
    public static final String ATTENDED = ADL + "attended";
    public static final String EXPERIENCED = ADL + "experienced";

    private XapiVerbs() {
    }

    /** Any other verb of ADL's vocabulary (e.g. launched, failed: what demo learners do). */
    public static String adl(String verb) {
        return ADL + verb;
    }
}
