package th.phatthana.tenants.staff;

import java.util.regex.Pattern;

/**
 * A line of work (สายงาน) of the position standards (§7), as the organisation records it: an
 * optional code (e.g. the four digits of the position number, 3103) and the Thai name
 * (e.g. นักจัดการงานทั่วไป).
 */
public record LineOfWork(String code, String nameTh) {

    /**
     * Lines of work whose holders belong to target group 3 whatever their position type: school
     * administrators (สายงานผู้บริหารสถานศึกษา: ผู้อำนวยการ/รองผู้อำนวยการสถานศึกษา) and heads of child
     * development centres (หัวหน้าศูนย์พัฒนาเด็กเล็ก). Matched as a substring of the Thai name, with
     * spaces ignored. The staff store builds its database filter from the same expression.
     */
    public static final String EDUCATION_ADMINISTRATOR_PATTERN = "ผู้บริหารสถานศึกษา|ผู้อำนวยการสถานศึกษา|หัวหน้าศูนย์พัฒนาเด็กเล็ก";

    private static final Pattern EDUCATION_ADMINISTRATOR = Pattern.compile(EDUCATION_ADMINISTRATOR_PATTERN);

    /** Whether this line of work is that of school administrators or heads of child development centres. */
    public boolean educationAdministrator() {
        return nameTh != null && EDUCATION_ADMINISTRATOR.matcher(compact(nameTh)).find();
    }

    /** A name without whitespace: how names are compared (Thai writers space words freely). */
    public static String compact(String name) {
        return name == null ? null : name.replaceAll("\\s+", "");
    }

    /** Whether a filter value names this line of work, by code or by Thai name (spaces ignored). */
    public boolean matches(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return false;
        }
        String wanted = codeOrName.strip();
        return wanted.equalsIgnoreCase(code) || nameTh != null && compact(wanted).equals(compact(nameTh));
    }
}
