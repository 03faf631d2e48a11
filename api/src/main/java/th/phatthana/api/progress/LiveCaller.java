package th.phatthana.api.progress;

import java.time.Duration;

import reactor.core.publisher.Flux;
import th.phatthana.api.problems.ApiException;

/**
 * Whether the credential a WebSocket connection was opened with still holds: its bearer token not
 * revoked or expired, its console session not ended, its user enabled, its organisation not
 * suspended. A subscription asks every {@link #RECHECK} and ends with UNAUTHENTICATED once it does
 * not, so a revoked token stops receiving updates within seconds.
 */
@FunctionalInterface
interface LiveCaller {

    /** The GraphQL context key under which WebSocket operations carry it. */
    String CONTEXT_KEY = "phatthana.liveCaller";
    Duration RECHECK = Duration.ofSeconds(2);

    boolean stillValid();

    /** The updates, ended with an error once the caller's credential stops holding. */
    default <T> Flux<T> guard(Flux<T> updates) {
        Flux<T> revoked = Flux.interval(RECHECK).filter(tick -> !stillValid()).next()
                .flatMapMany(tick -> Flux.error(ApiException.unauthenticated("โทเคนหรือการเข้าสู่ระบบของการติดตามข้อมูลนี้ถูกเพิกถอน หมดอายุ หรือสิ้นสุดแล้ว หรือผู้ใช้หรือหน่วยงานถูกระงับการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง",
                        "the token or session of this subscription was revoked, expired or ended, or its user or organisation was disabled")));
        return updates.mergeWith(revoked);
    }
}
