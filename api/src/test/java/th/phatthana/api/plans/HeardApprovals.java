package th.phatthana.api.plans;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every {@link PlanVersionApproved} of the shared test context, for {@link PlanVersionApprovedTest}. */
@Component
class HeardApprovals {

    static final Queue<PlanVersionApproved> EVENTS = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(PlanVersionApproved event) {
        EVENTS.add(event);
    }
}
