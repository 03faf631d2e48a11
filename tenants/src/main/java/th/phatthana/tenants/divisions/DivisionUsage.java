package th.phatthana.tenants.divisions;

/**
 * Tells whether anything still refers to a division, so it is not deleted from under it. The
 * staff feature implements it; divisions know nothing of staff.
 */
@FunctionalInterface
public interface DivisionUsage {

    /** How many records of the tenant refer to the division; 0 when it may be deleted. */
    long referencesTo(String tenantId, String divisionId);
}
