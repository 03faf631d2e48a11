package th.phatthana.api.competencies;

/**
 * What a catalogue item is, in catalogue order: the master plan's knowledge (§8), skills (§9) and
 * core, managerial and functional competencies (§10), then an organisation's own items.
 */
public enum CompetencyKind {
    /** ความรู้ (§8), codes K01–K21. */
    KNOWLEDGE("K"),
    /** ทักษะ (§9), codes S01–S09. */
    SKILL("S"),
    /** สมรรถนะหลัก (§10 (๑)), codes C01–C05: required of everyone. */
    CORE("C"),
    /** สมรรถนะประจำผู้บริหาร (§10 (๒)), codes M01–M04: executive and director positions. */
    MANAGERIAL("M"),
    /** สมรรถนะประจำสายงาน (§10 (๓)), codes F01–F22: at least three per line of work. */
    FUNCTIONAL("F"),
    /** An organisation's own item (รายการเพิ่มเติมของหน่วยงาน), codes L-…. */
    LOCAL("L-");

    private final String codePrefix;

    CompetencyKind(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    public String codePrefix() {
        return codePrefix;
    }

    /** Orders items by kind, then by code: the catalogue order. */
    String sortKey(String code) {
        return ordinal() + "/" + code;
    }
}
