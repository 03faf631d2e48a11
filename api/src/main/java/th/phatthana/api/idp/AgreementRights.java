package th.phatthana.api.idp;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.Staff;

/**
 * THE place that decides for which party of an individual development plan a caller may record the
 * agreement ({@link #partiesFor}), and whether that is a signed paper form entered by someone else.
 *
 * <p>Today offices collect signed paper forms: TENANT_ADMIN and HR_OFFICER of the plan's organisation
 * record either party's agreement, with the date on the form ({@code onPaper}: recorded by them, not
 * by the signer).
 *
 * <p>Self-service (a STAFF or SUPERVISOR role linked to a staff record) adds its cases here and nowhere
 * else: a STAFF caller whose own staff record is the plan's person signs for {@code STAFF_MEMBER}, a
 * SUPERVISOR caller whose staff record is that person's supervisor on the register signs for
 * {@code SUPERVISOR}, both with {@code onPaper = false} (they agree as themselves).
 */
@Component
public class AgreementRights {

    private final th.phatthana.api.selfservice.PersonAccess people;

    AgreementRights(th.phatthana.api.selfservice.PersonAccess people) {
        this.people = people;
    }

    /** The roles that record signed paper forms for either party. */
    static final Role[] RECORDERS = {Role.TENANT_ADMIN, Role.HR_OFFICER};

    /** The parties the caller may sign for, and whether they record a paper form for someone else. */
    public record Signing(Set<IndividualPlan.Party> parties, boolean onPaper) {
        static final Signing NONE = new Signing(Set.of(), false);
    }

    /**
     * For which party of this plan (of {@code member}, with their supervisor on the register) the caller
     * may record the agreement.
     */
    public Signing partiesFor(Caller caller, IndividualPlan plan, Staff member) {
        if (caller != null && caller.canWrite(plan.tenantId(), RECORDERS)) {
            return new Signing(EnumSet.allOf(IndividualPlan.Party.class), true);
        }
        if (caller == null || !plan.tenantId().equals(caller.tenantId())) {
            return Signing.NONE;
        }
        // self-service: people agree as themselves, not on paper
        String own = people.own(caller).map(Staff::id).orElse(null);
        if (own == null) {
            return Signing.NONE;
        }
        Set<IndividualPlan.Party> parties = EnumSet.noneOf(IndividualPlan.Party.class);
        if (caller.has(Role.STAFF) && own.equals(plan.staffId())) {
            parties.add(IndividualPlan.Party.STAFF_MEMBER);
        }
        if (caller.has(Role.SUPERVISOR) && own.equals(member.supervisorId())) {
            parties.add(IndividualPlan.Party.SUPERVISOR);
        }
        return parties.isEmpty() ? Signing.NONE : new Signing(Set.copyOf(parties), false);
    }
}
