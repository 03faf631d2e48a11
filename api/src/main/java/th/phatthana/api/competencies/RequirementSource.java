package th.phatthana.api.competencies;

/** Where a requirement in effect comes from, with the Thai label the console and documents show. */
public enum RequirementSource {
    /**
     * The master plan's rule (§10 (๑), (๒)): the core competencies for every position type and the
     * managerial ones for executive and director positions.
     */
    NATIONAL("ตามแผนแม่บท"),
    /**
     * A default this system proposes (the functional competencies per line of work, §10 (๓), which
     * the master plan leaves to each organisation): a suggestion to adopt or change, never a rule.
     */
    SUGGESTED("ค่าเริ่มต้นที่ระบบเสนอ"),
    /** The organisation's own, replacing the default for it. */
    ORGANISATION("กำหนดโดยองค์กร");

    private final String labelTh;

    RequirementSource(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }

    /** Where this requirement comes from. */
    static RequirementSource of(Requirement requirement) {
        if (!requirement.isNational()) {
            return ORGANISATION;
        }
        return requirement.scope() == RequirementScope.POSITION_TYPE ? NATIONAL : SUGGESTED;
    }
}
