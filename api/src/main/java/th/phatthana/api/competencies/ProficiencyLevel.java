package th.phatthana.api.competencies;

/**
 * One step of the proficiency scale 0–5 (ระดับความสามารถ) on which an item is required and assessed.
 *
 * @param level       0 (not demonstrated) to 5 (expert)
 * @param nameTh      Thai name, e.g. ระดับชำนาญ
 * @param nameEn      English name, e.g. Proficient
 * @param description what the level looks like in work
 */
public record ProficiencyLevel(int level, String nameTh, String nameEn, String description) {

    public static final int MIN = 0;
    public static final int MAX = 5;

    public static boolean valid(int level) {
        return level >= MIN && level <= MAX;
    }
}
