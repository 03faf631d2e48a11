package th.phatthana.api.competencies;

/** Where a requirement in effect comes from. */
public enum RequirementSource {
    /** The national default. */
    NATIONAL,
    /** The organisation's own, replacing the national default for it. */
    ORGANISATION
}
