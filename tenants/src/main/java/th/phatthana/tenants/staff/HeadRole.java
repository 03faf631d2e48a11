package th.phatthana.tenants.staff;

import java.time.LocalDate;

/**
 * A role heading a unit (หัวหน้าส่วนราชการ, ผู้อำนวยการกอง, หัวหน้ากลุ่มงาน, or one called otherwise),
 * appointed or acting (รักษาราชการแทน), from a date until a date: its holder is in target group ๓ for
 * the period of the role, whatever their position type (§4.2 (๓)).
 *
 * @param titleTh the role as the order names it, e.g. "ผู้อำนวยการกองคลัง"
 * @param acting  acting in the role rather than appointed to it
 * @param until   the last day of the role (inclusive); null while it lasts
 */
public record HeadRole(String titleTh, boolean acting, LocalDate from, LocalDate until) {

    public boolean activeOn(LocalDate day) {
        return from != null && !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
