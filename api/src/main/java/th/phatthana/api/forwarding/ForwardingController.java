package th.phatthana.api.forwarding;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.lrs.statements.StatementStream;
import th.phatthana.lrs.statements.StoredStatement;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.text.Text;

/**
 * Forwarding targets over GraphQL: a TENANT_ADMIN administers the organisation's own targets
 * (scope ORGANISATION), a NATIONAL caller the deployment-wide ones (scope DEPLOYMENT); a target of
 * the other kind or of another organisation is NOT_FOUND. Secrets go in and never come out.
 */
@Controller
class ForwardingController {

    private final ForwardingStore store;
    private final StatementForwarder forwarder;
    private final StatementStream statements;
    private final AuditTrail audit;
    private final Clock clock;

    ForwardingController(ForwardingStore store, StatementForwarder forwarder, StatementStream statements, AuditTrail audit, Clock clock) {
        this.store = store;
        this.forwarder = forwarder;
        this.statements = statements;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- inputs ---------------------------------------------------------------------------------

    record BasicAuthInput(String username, String password) {
    }

    record OAuthClientInput(String tokenUrl, String clientId, String clientSecret, String scope) {
    }

    record ForwardingAuthInput(BasicAuthInput basic, OAuthClientInput oauth) {
    }

    record ForwardingFilterInput(List<String> verbs, List<String> activityIds) {
    }

    record CreateForwardingTargetInput(String name, String endpoint, ForwardingTarget.Version version, ForwardingAuthInput auth,
            ForwardingFilterInput filter, ForwardingTarget.Scope scope) {
    }

    record SetForwardingTargetEnabledInput(String id, boolean enabled) {
    }

    record ForwardingTargetRefInput(String id) {
    }

    record DeadLetterRefInput(String id) {
    }

    record TargetPayload(ForwardingTarget forwardingTarget, List<UserError> userErrors) {
    }

    record DeadLetterPayload(DeadLetter deadLetter, boolean delivered, List<UserError> userErrors) {
    }

    record Filter(List<String> verbs, List<String> activityIds) {
    }

    record Position(String organisationId, long sequence) {
    }

    record Status(List<Position> positions, long lagStatements, long lagSeconds, Instant lastForwardedAt, Instant lastErrorAt,
            String lastError, int consecutiveFailures, Instant nextAttemptAt, long deadLetters) {
    }

    // ---- queries --------------------------------------------------------------------------------

    @QueryMapping
    List<ForwardingTarget> forwardingTargets(@ContextValue Caller caller) {
        Callers.require(caller);
        if (caller.isNational()) {
            return store.all().stream().filter(t -> t.scope() == ForwardingTarget.Scope.DEPLOYMENT).toList();
        }
        String tenantId = ownTenantAsAdmin(caller);
        return store.all().stream().filter(t -> t.scope() == ForwardingTarget.Scope.ORGANISATION && tenantId.equals(t.tenantId())).toList();
    }

    @QueryMapping
    List<DeadLetter> forwardingDeadLetters(@Argument String targetId, @Argument Integer first, @ContextValue Caller caller) {
        ForwardingTarget target = visibleTarget(caller, targetId);
        int limit = first == null ? 100 : Math.max(1, Math.min(first, 1000));
        return store.deadLetters(target.id(), limit);
    }

    // ---- mutations ------------------------------------------------------------------------------

    @MutationMapping(name = "createForwardingTarget")
    TargetPayload create(@Argument CreateForwardingTargetInput input, @ContextValue Caller caller, @ContextValue String origin) {
        Callers.require(caller);
        if (!caller.isNational() && (caller.tenantId() == null || !caller.canWrite(caller.tenantId(), Role.TENANT_ADMIN))) {
            throw ApiException.forbidden("ต้องมีบทบาทผู้ดูแลระบบของหน่วยงาน (TENANT_ADMIN) หรือผู้ดูแลส่วนกลาง (NATIONAL)",
                    "this needs the TENANT_ADMIN or NATIONAL role");
        }
        List<UserError> errors = new ArrayList<>();
        String tenantId = null;
        if (input.scope() == ForwardingTarget.Scope.DEPLOYMENT) {
            if (!caller.isNational()) {
                errors.add(UserError.of("input.scope", "NOT_ALLOWED", "การส่งต่อข้อมูลของทั้งระบบ (DEPLOYMENT) ทำได้เฉพาะผู้ดูแลส่วนกลาง (NATIONAL)",
                        "only a NATIONAL caller forwards the whole deployment (DEPLOYMENT)"));
            }
        } else if (caller.tenantId() == null || !caller.canWrite(caller.tenantId(), Role.TENANT_ADMIN)) {
            errors.add(UserError.of("input.scope", "NOT_ALLOWED", "การส่งต่อข้อมูลของหน่วยงาน (ORGANISATION) ทำได้เฉพาะผู้ดูแลระบบของหน่วยงาน (TENANT_ADMIN)",
                    "only the organisation's TENANT_ADMIN forwards the organisation (ORGANISATION)"));
        } else {
            tenantId = caller.tenantId();
        }
        String name = Text.orEmpty(input.name()).strip();
        if (name.isEmpty()) {
            errors.add(UserError.of("input.name", "REQUIRED", "ต้องระบุชื่อปลายทาง", "name the target"));
        }
        String endpoint = Text.orEmpty(input.endpoint()).strip();
        if (!httpUrl(endpoint)) {
            errors.add(UserError.of("input.endpoint", "INVALID", "ที่อยู่ LRS ปลายทางต้องเป็น URL แบบ http หรือ https เช่น https://lrs.example.go.th/xapi/",
                    "the endpoint must be an http(s) URL such as https://lrs.example.go.th/xapi/"));
        }
        ForwardingAuthInput auth = input.auth();
        ForwardingTarget.AuthKind authKind = null;
        String user = null;
        String secret = null;
        String tokenUrl = null;
        String oauthScope = null;
        if (auth == null || (auth.basic() == null) == (auth.oauth() == null)) {
            errors.add(UserError.of("input.auth", "INVALID", "ต้องระบุวิธียืนยันตัวตนอย่างใดอย่างหนึ่ง: basic หรือ oauth", "give exactly one of basic or oauth"));
        } else if (auth.basic() != null) {
            authKind = ForwardingTarget.AuthKind.BASIC;
            user = Text.orEmpty(auth.basic().username());
            secret = Text.orEmpty(auth.basic().password());
            if (user.isBlank()) {
                errors.add(UserError.of("input.auth.basic.username", "REQUIRED", "ต้องระบุชื่อผู้ใช้ (key)", "give the user name (key)"));
            }
            if (secret.isEmpty()) {
                errors.add(UserError.of("input.auth.basic.password", "REQUIRED", "ต้องระบุรหัสผ่าน (secret)", "give the password (secret)"));
            }
        } else {
            authKind = ForwardingTarget.AuthKind.OAUTH;
            user = Text.orEmpty(auth.oauth().clientId());
            secret = Text.orEmpty(auth.oauth().clientSecret());
            tokenUrl = Text.orEmpty(auth.oauth().tokenUrl()).strip();
            oauthScope = auth.oauth().scope();
            if (!httpUrl(tokenUrl)) {
                errors.add(UserError.of("input.auth.oauth.tokenUrl", "INVALID", "ที่อยู่สำหรับขอโทเคนต้องเป็น URL แบบ http หรือ https",
                        "the token URL must be an http(s) URL"));
            }
            if (user.isBlank()) {
                errors.add(UserError.of("input.auth.oauth.clientId", "REQUIRED", "ต้องระบุ client id", "give the client id"));
            }
            if (secret.isEmpty()) {
                errors.add(UserError.of("input.auth.oauth.clientSecret", "REQUIRED", "ต้องระบุ client secret", "give the client secret"));
            }
        }
        if (!errors.isEmpty()) {
            return new TargetPayload(null, errors);
        }
        ForwardingFilterInput filter = input.filter();
        ForwardingTarget target = new ForwardingTarget(UUID.randomUUID().toString(), name, endpoint, input.version(), input.scope(), tenantId,
                authKind, user, secret, tokenUrl, oauthScope, filter == null ? null : filter.verbs(),
                filter == null ? null : filter.activityIds(), true, clock.instant(), null, null, null, 0, null);
        store.insert(target);
        audit.record(tenantId, caller, "forwarding.create", "forwardingTarget:" + target.id(),
                Map.of("name", name, "endpoint", endpoint, "scope", target.scope().name()), origin);
        forwarder.changed();
        return new TargetPayload(target, List.of());
    }

    @MutationMapping(name = "setForwardingTargetEnabled")
    TargetPayload setEnabled(@Argument SetForwardingTargetEnabledInput input, @ContextValue Caller caller, @ContextValue String origin) {
        ForwardingTarget target = visibleTarget(caller, input.id());
        store.setEnabled(target.id(), input.enabled());
        forwarder.forget(target.id());
        audit.record(target.tenantId(), caller, input.enabled() ? "forwarding.enable" : "forwarding.disable",
                "forwardingTarget:" + target.id(), Map.of("name", target.name()), origin);
        forwarder.changed();
        return new TargetPayload(store.find(target.id()).orElse(null), List.of());
    }

    @MutationMapping(name = "deleteForwardingTarget")
    TargetPayload delete(@Argument ForwardingTargetRefInput input, @ContextValue Caller caller, @ContextValue String origin) {
        ForwardingTarget target = visibleTarget(caller, input.id());
        store.delete(target.id());
        forwarder.forget(target.id());
        audit.record(target.tenantId(), caller, "forwarding.delete", "forwardingTarget:" + target.id(), Map.of("name", target.name()), origin);
        return new TargetPayload(null, List.of());
    }

    @MutationMapping
    DeadLetterPayload retryDeadLetter(@Argument DeadLetterRefInput input, @ContextValue Caller caller) {
        DeadLetter letter = visibleDeadLetter(caller, input.id());
        ForwardingTarget target = store.find(letter.targetId()).orElseThrow(() -> notFound());
        List<StoredStatement> found = statements.read(letter.tenantId(), letter.seq(), 1);
        if (found.isEmpty()) { // erased (PDPA) since: nothing left to send
            store.removeDeadLetter(letter.id());
            return new DeadLetterPayload(null, false, List.of(UserError.of("input.id", "GONE",
                    "ไม่มีข้อมูลการเรียนรู้นี้ในระบบแล้ว จึงนำออกจากรายการ", "the statement is no longer stored; it was removed from the list")));
        }
        ReceivingLrs.Outcome outcome = forwarder.retry(target, found.get(0));
        return switch (outcome) {
            case ReceivingLrs.Accepted accepted -> {
                store.removeDeadLetter(letter.id());
                yield new DeadLetterPayload(null, true, List.of());
            }
            case ReceivingLrs.Refused refused -> {
                store.deadLetter(letter.targetId(), letter.tenantId(), letter.statementId(), letter.seq(), refused.status(), refused.reason(),
                        clock.instant());
                yield new DeadLetterPayload(store.deadLetter(letter.id()).orElse(null), false, List.of(UserError.of("input.id", "REFUSED",
                        "LRS ปลายทางปฏิเสธข้อมูลนี้อีกครั้ง (HTTP " + refused.status() + ")", "the receiving LRS refused it again (HTTP " + refused.status() + ")")));
            }
            case ReceivingLrs.Failed failed -> new DeadLetterPayload(letter, false, List.of(UserError.of("input.id", "UNAVAILABLE",
                    "ส่งไม่สำเร็จ: LRS ปลายทางไม่ตอบรับ (" + failed.error() + ") กรุณาลองใหม่ภายหลัง",
                    "not sent: the receiving LRS did not answer (" + failed.error() + "); try again later")));
        };
    }

    @MutationMapping
    DeadLetterPayload discardDeadLetter(@Argument DeadLetterRefInput input, @ContextValue Caller caller, @ContextValue String origin) {
        DeadLetter letter = visibleDeadLetter(caller, input.id());
        store.removeDeadLetter(letter.id());
        ForwardingTarget target = store.find(letter.targetId()).orElse(null);
        audit.record(target == null ? null : target.tenantId(), caller, "forwarding.discard", "forwardingTarget:" + letter.targetId(),
                Map.of("statementId", letter.statementId()), origin);
        return new DeadLetterPayload(null, false, List.of());
    }

    // ---- fields ---------------------------------------------------------------------------------

    @SchemaMapping(typeName = "ForwardingTarget")
    String organisationId(ForwardingTarget target) {
        return target.tenantId();
    }

    @SchemaMapping(typeName = "ForwardingTarget")
    Filter filter(ForwardingTarget target) {
        return new Filter(target.verbs(), target.activityIds());
    }

    @SchemaMapping(typeName = "ForwardingTarget")
    Status status(ForwardingTarget target) {
        StatementForwarder.Lag lag = forwarder.lag(target);
        List<Position> positions = lag.positions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Position(e.getKey(), e.getValue())).toList();
        return new Status(positions, lag.statements(), lag.seconds(), target.lastForwardedAt(), target.lastErrorAt(), target.lastError(),
                target.consecutiveFailures(), target.nextAttemptAt(), store.deadLetterCount(target.id()));
    }

    @SchemaMapping(typeName = "ForwardingDeadLetter")
    String organisationId(DeadLetter letter) {
        return letter.tenantId();
    }

    @SchemaMapping(typeName = "ForwardingDeadLetter")
    long sequence(DeadLetter letter) {
        return letter.seq();
    }

    // ---- access ---------------------------------------------------------------------------------

    private ForwardingTarget visibleTarget(Caller caller, String id) {
        Callers.require(caller);
        ForwardingTarget target = store.find(Text.orEmpty(id)).orElseThrow(ForwardingController::notFound);
        boolean visible = caller.isNational() ? target.scope() == ForwardingTarget.Scope.DEPLOYMENT
                : target.scope() == ForwardingTarget.Scope.ORGANISATION && ownTenantAsAdmin(caller).equals(target.tenantId());
        if (!visible) {
            throw notFound();
        }
        return target;
    }

    private DeadLetter visibleDeadLetter(Caller caller, String id) {
        DeadLetter letter = store.deadLetter(Text.orEmpty(id)).orElseThrow(ForwardingController::notFound);
        visibleTarget(caller, letter.targetId());
        if (!caller.isNational() && !letter.tenantId().equals(caller.tenantId())) {
            throw notFound();
        }
        return letter;
    }

    private static ApiException notFound() {
        return ApiException.notFound("ปลายทางการส่งต่อข้อมูล", "forwarding target");
    }

    private static String ownTenantAsAdmin(Caller caller) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        return tenantId;
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
