package th.phatthana.lrs.documents;

/** The three xAPI document resources, which share storage and concurrency rules. */
enum DocumentKind {

    STATE("state", "/xapi/activities/state", "stateId"),
    ACTIVITY_PROFILE("activity-profile", "/xapi/activities/profile", "profileId"),
    AGENT_PROFILE("agent-profile", "/xapi/agents/profile", "profileId");

    private final String code;
    private final String path;
    private final String idParameter;

    DocumentKind(String code, String path, String idParameter) {
        this.code = code;
        this.path = path;
        this.idParameter = idParameter;
    }

    /** Stored in each document; never change it. */
    String code() {
        return code;
    }

    String path() {
        return path;
    }

    /** {@code stateId} or {@code profileId}. */
    String idParameter() {
        return idParameter;
    }

    boolean isProfile() {
        return this != STATE;
    }
}
