package th.phatthana.tenants.divisions;

/**
 * Tells whether anything still refers to a division, so it is not deleted from under it. The
 * staff and plan features implement it; divisions know nothing of either.
 */
@FunctionalInterface
public interface DivisionUsage {

    /** How many records of the tenant refer to the division; 0 when it may be deleted. */
    long referencesTo(String tenantId, String divisionId);

    /** What the user is told about {@code count} such records, and what to do about them. */
    default th.phatthana.schema.Message describe(long count) {
        return th.phatthana.schema.Message.of("ยังมีข้อมูล " + count + " รายการที่อ้างถึงส่วนราชการนี้", count + " record(s) still refer to this division");
    }
}
