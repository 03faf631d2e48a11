package th.phatthana.api.pdpa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import th.phatthana.api.competencies.AssessmentService;
import th.phatthana.api.progress.ProgressProjector;
import th.phatthana.lrs.agents.AgentDirectory;
import th.phatthana.lrs.documents.DocumentErasure;
import th.phatthana.lrs.statements.ErasedPerson;
import th.phatthana.lrs.statements.StatementErasure;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService.PendingErasure;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.ErasurePolicy;

/**
 * Erases a staff member's personal data from their organisation (PDPA), in an order that makes a
 * run that stops anywhere safe to repeat: the staff record, which says who the person is, is
 * marked first ({@link StaffService#startErasure}) and deleted last, so a repeated run finds the
 * person again and continues the same erasure (same id, pseudonym and mode).
 *
 * <ol>
 * <li>the names the LRS knows the person by (agents directory), as texts to look for;</li>
 * <li>statements: removed or pseudonymised ({@link StatementErasure}), their attachments;</li>
 * <li>state documents and agent profiles ({@link DocumentErasure});</li>
 * <li>the agents directory entries;</li>
 * <li>the progress read model, rebuilt from the statements (facts, actors and aggregates held the
 *     person's identifiers and names);</li>
 * <li>competency assessments, the staff number in earlier audit events about the record, the
 *     staff record;</li>
 * <li>one audit event {@code staff.erase}: erasure id, mode, reason, counts; nothing of the person.</li>
 * </ol>
 * Everything is selected by the tenant first: other organisations' data is never read or changed.
 */
@Service
@EnableConfigurationProperties(PdpaProperties.class)
public class StaffErasure {

    private static final Logger log = LoggerFactory.getLogger(StaffErasure.class);
    static final int MAX_REASON = 500;
    static final String AUDIT_ACTION = "staff.erase";

    private final StaffService staff;
    private final StatementErasure statements;
    private final DocumentErasure documents;
    private final AgentDirectory agents;
    private final ProgressProjector progress;
    private final AssessmentService assessments;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration rebuildTimeout;

    StaffErasure(StaffService staff, StatementErasure statements, DocumentErasure documents, AgentDirectory agents,
            ProgressProjector progress, AssessmentService assessments, AuditTrail audit, Clock clock, PdpaProperties properties) {
        this.staff = staff;
        this.statements = statements;
        this.documents = documents;
        this.agents = agents;
        this.progress = progress;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
        this.rebuildTimeout = properties.erasureRebuildTimeout();
    }

    /** What an erasure did (counts of this run), as the payload and the audit event give it. */
    public record Erasure(String id, ErasurePolicy mode, int statementsDeleted, int statementsPseudonymised, long attachmentsDeleted,
            long documentsDeleted, long agentsForgotten, long assessmentsDeleted, Instant erasedAt) {
    }

    /** The erasure, or the problems that refused it or stopped it. */
    public record Outcome(Erasure erasure, List<Problem> problems) {
        static Outcome refused(Problem error) {
            return new Outcome(null, List.of(error));
        }
    }

    /**
     * Erases the staff member of the caller's organisation.
     *
     * @param member the staff member, already found in the caller's organisation
     * @param mode   the erasure's mode: the one asked for, else the organisation's policy
     */
    public Outcome erase(Staff member, String reason, ErasurePolicy mode, Caller caller, String origin) {
        String tenantId = member.tenantId();
        Optional<Problem> badReason = checkReason(reason, member);
        if (badReason.isPresent()) {
            return Outcome.refused(badReason.get());
        }
        Optional<PendingErasure> started = staff.startErasure(tenantId, member.id(), mode);
        if (started.isEmpty()) {
            return Outcome.refused(new Problem("input.staffId", "NOT_FOUND", "ไม่พบบุคลากรผู้นี้ (อาจถูกลบข้อมูลไปแล้ว)", "no such staff member (already erased?)"));
        }
        PendingErasure pending = started.get();

        ErasedPerson identities = ErasedPerson.of(member.xapiIdentities(), List.of(), pending.pseudonym());
        Set<String> names = new LinkedHashSet<>(List.of(member.fullNameTh(), member.firstNameTh() + " " + member.lastNameTh()));
        names.addAll(agents.namesOf(tenantId, identities));
        ErasedPerson person = ErasedPerson.of(member.xapiIdentities(), names, pending.pseudonym());

        StatementErasure.Result changed = statements.erase(tenantId, person, pending.mode());
        long documentsDeleted = documents.erase(tenantId, person);
        long agentsForgotten = agents.forget(tenantId, person);
        Optional<String> rebuildFailure = rebuildProgress(tenantId);
        if (rebuildFailure.isPresent()) {
            log.warn("Erasure {} of tenant {}: the learning record store is erased, the progress rebuild did not finish ({}); "
                    + "the staff record stays marked until the erasure is run again", pending.erasureId(), tenantId, rebuildFailure.get());
            return Outcome.refused(new Problem("input.staffId", "INCOMPLETE", "ลบข้อมูลการเรียนรู้แล้ว แต่ยังสร้างข้อมูลสรุปความก้าวหน้าใหม่ไม่ได้ในขณะนี้ ("
                    + rebuildFailure.get() + ") ให้สั่ง eraseStaffMember กับ" + Glossary.STAFF + "ผู้นี้อีกครั้งเพื่อให้เสร็จสมบูรณ์ ซึ่งสั่งซ้ำได้อย่างปลอดภัย",
                    "the learning records are erased, but the progress "
                    + "read model could not be rebuilt now (" + rebuildFailure.get() + "): run eraseStaffMember for the same staff "
                    + "member again to finish; repeating it is safe"));
        }
        long assessmentsDeleted = assessments.deleteAllOf(tenantId, member.id());
        audit.forgetDetail(tenantId, "staff:" + member.id(), "staffNumber");
        staff.delete(tenantId, member.id());

        Erasure erasure = new Erasure(pending.erasureId(), pending.mode(), changed.deleted(), changed.pseudonymised(),
                changed.attachmentsDeleted(), documentsDeleted, agentsForgotten, assessmentsDeleted, clock.instant());
        audit.record(tenantId, caller, AUDIT_ACTION, "erasure:" + erasure.id(), details(erasure, reason.strip()), origin);
        log.info("Erasure {} of tenant {} done: {} statement(s) deleted, {} pseudonymised, {} document(s) deleted", erasure.id(),
                tenantId, erasure.statementsDeleted(), erasure.statementsPseudonymised(), erasure.documentsDeleted());
        return new Outcome(erasure, List.of());
    }

    /** The rebuild's failure, if it failed or did not finish in time. */
    private Optional<String> rebuildProgress(String tenantId) {
        try {
            progress.rebuild(tenantId).get(rebuildTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() instanceof IllegalStateException busy ? busy.getMessage() : e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            return Optional.of("it takes longer than " + rebuildTimeout.toSeconds() + " s");
        }
    }

    /**
     * The reason is kept in the audit trail, so it must be there and must not identify the person:
     * refused when it contains their name, staff number, one of their identities or 13 digits in a
     * row (a citizen ID).
     */
    static Optional<Problem> checkReason(String reason, Staff member) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            return Optional.of(new Problem("input.reason", "REQUIRED", "ต้องระบุเหตุผลที่ลบข้อมูลของบุคคลนี้ (เช่น วันที่และเลขที่คำร้องของเจ้าของข้อมูล)", "say why the person is erased (e.g. the date and number of their request)"));
        }
        if (given.length() > MAX_REASON) {
            return Optional.of(new Problem("input.reason", "TOO_LONG", "เหตุผลยาวได้ไม่เกิน " + MAX_REASON + " ตัวอักษร", "at most " + MAX_REASON + " characters"));
        }
        List<String> identifying = new ArrayList<>(List.of(member.firstNameTh(), member.lastNameTh(), member.staffNumber()));
        for (XapiIdentity identity : member.xapiIdentities()) {
            if (identity.mbox() != null) {
                identifying.add(identity.mbox().replaceFirst("(?i)^mailto:", ""));
            }
            if (identity.mboxSha1sum() != null) {
                identifying.add(identity.mboxSha1sum());
            }
            if (identity.openid() != null) {
                identifying.add(identity.openid());
            }
            if (identity.account() != null) {
                identifying.add(identity.account().name());
            }
        }
        String lower = given.toLowerCase(Locale.ROOT);
        boolean names = identifying.stream().filter(text -> text != null && !text.isBlank())
                .anyMatch(text -> lower.contains(text.strip().toLowerCase(Locale.ROOT)));
        if (names || given.replaceAll("[\\s-]", "").matches(".*\\d{13}.*")) {
            return Optional.of(new Problem("input.reason", "NAMES_THE_PERSON", "เหตุผลจะถูกเก็บไว้ในบันทึกการตรวจสอบ จึงต้องไม่ระบุตัวบุคคล "
                    + "ห้ามใส่ชื่อ " + Glossary.STAFF_NUMBER + " อีเมล บัญชีผู้ใช้ และเลขประจำตัวประชาชน (ให้ระบุ เช่น วันที่และเลขที่คำร้องแทน)",
                    "the reason is kept in the audit trail and must not "
                    + "identify the person: leave out their name, staff number, e-mail address, accounts and citizen ID "
                    + "(give e.g. the date and number of their request)"));
        }
        return Optional.empty();
    }

    private static Map<String, String> details(Erasure erasure, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("erasureId", erasure.id());
        details.put("reason", reason);
        details.put("mode", erasure.mode().name());
        details.put("statementsDeleted", String.valueOf(erasure.statementsDeleted()));
        details.put("statementsPseudonymised", String.valueOf(erasure.statementsPseudonymised()));
        details.put("attachmentsDeleted", String.valueOf(erasure.attachmentsDeleted()));
        details.put("documentsDeleted", String.valueOf(erasure.documentsDeleted()));
        details.put("agentsForgotten", String.valueOf(erasure.agentsForgotten()));
        details.put("assessmentsDeleted", String.valueOf(erasure.assessmentsDeleted()));
        return details;
    }
}
