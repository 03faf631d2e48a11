package th.phatthana.api.competencies;

/**
 * One required catalogue item and the level (1–5) required.
 *
 * @param code  catalogue code
 * @param level required proficiency level
 */
public record RequiredLevel(String code, int level) {
}
