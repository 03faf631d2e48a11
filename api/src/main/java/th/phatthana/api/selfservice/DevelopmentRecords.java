package th.phatthana.api.selfservice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import th.phatthana.api.competencies.CompetencyGaps;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.progress.ProgressService;
import th.phatthana.api.progress.ProgressViews.RemainingGap;
import th.phatthana.api.progress.ProgressViews.StaffProgress;
import th.phatthana.lrs.statements.PersonStatements;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * A person's development record (ประวัติการพัฒนา) as they, their supervisor or HR see it: the
 * statements about them in the LRS with their certificates, hours per fiscal year, the courses of
 * the plan in force that target them with their status, and their competency gaps. Callers pass
 * a person {@link PersonAccess#readable} allowed.
 */
@Service
public class DevelopmentRecords {

    /** The xAPI attachment usage type of a certificate of completion (xAPI vocabulary). */
    public static final String CERTIFICATE_USAGE = "http://id.tincanapi.com/attachment/certificate-of-completion";
    static final int HISTORY_LIMIT = 500;

    private final PersonStatements statements;
    private final PlanService plans;
    private final ProgressService progress;
    private final CompetencyGaps gaps;
    private final TenantService tenants;

    DevelopmentRecords(PersonStatements statements, PlanService plans, ProgressService progress, CompetencyGaps gaps,
            TenantService tenants) {
        this.statements = statements;
        this.plans = plans;
        this.progress = progress;
        this.gaps = gaps;
        this.tenants = tenants;
    }

    public record CertificateView(String id, String sha2, String contentType, String fileName, long length, String downloadUrl) {
    }

    public record DevelopmentEntry(String statementId, String verbId, String verb, String activityId, String title,
            Instant timestamp, int fiscalYear, double hours, boolean completed, List<CertificateView> certificates) {
    }

    public record FiscalYearHours(int fiscalYear, double hours, int activities) {
    }

    public record PersonPlan(String planId, String title, int fiscalYear, StaffProgress progress) {
    }

    public record PersonRecord(Staff staff, String organisationName, List<FiscalYearHours> hoursByFiscalYear,
            List<DevelopmentEntry> history, PersonPlan planInForce, List<RemainingGap> competencyGaps) {
        public String staffId() {
            return staff.id();
        }

        public String name() {
            return staff.fullNameTh();
        }

        public String positionTitle() {
            return staff.positionTitle();
        }
    }

    PersonRecord of(Staff member, Caller caller) {
        String tenantId = member.tenantId();
        List<DevelopmentEntry> history = history(member);
        Map<Integer, double[]> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (DevelopmentEntry entry : history) {
            double[] sums = byYear.computeIfAbsent(entry.fiscalYear(), y -> new double[2]);
            sums[0] += entry.hours();
            sums[1]++;
        }
        List<FiscalYearHours> hours = new ArrayList<>();
        byYear.forEach((year, sums) -> hours.add(new FiscalYearHours(year, Math.round(sums[0] * 100) / 100.0, (int) sums[1])));
        LocalDate today = plans.today();
        PersonPlan plan = plans.inForce(tenantId, today).map(inForce -> {
            int fiscalYear = FiscalYears.of(today);
            StaffProgress mine = progress.staffProgress(inForce.plan().id(), fiscalYear, member.id(),
                    PersonAccess.readerFor(caller, tenantId));
            return new PersonPlan(inForce.plan().id(), inForce.plan().title(), fiscalYear, mine);
        }).orElse(null);
        List<RemainingGap> gapList = gaps.of(member, today).gaps().stream()
                .map(g -> new RemainingGap(g.competency().code(), g.competency().nameTh(), g.requiredLevel(), g.assessedLevel(), g.gap()))
                .toList();
        String organisation = tenants.findById(tenantId).map(Tenant::nameTh).orElse("");
        return new PersonRecord(member, organisation, hours, history, plan, gapList);
    }

    /** The statements about the person (by every xAPI identity of theirs), newest first. */
    List<DevelopmentEntry> history(Staff member) {
        List<JsonNode> agents = member.xapiIdentities().stream().map(XapiIdentity::agent).map(a -> (JsonNode) a).toList();
        if (agents.isEmpty()) {
            return List.of();
        }
        List<DevelopmentEntry> entries = new ArrayList<>();
        for (PersonStatements.Found found : statements.about(member.tenantId(), agents, HISTORY_LIMIT)) {
            JsonNode statement = found.statement();
            JsonNode object = statement.path("object");
            if (!"Activity".equals(object.path("objectType").asString("Activity"))) {
                continue;
            }
            OffsetDateTime timestamp = timestamp(statement);
            entries.add(new DevelopmentEntry(found.statementId(), statement.path("verb").path("id").asString(""),
                    display(statement.path("verb").path("display")), object.path("id").asString(""),
                    display(object.path("definition").path("name")), timestamp.toInstant(),
                    FiscalYears.of(timestamp.toInstant()), hours(statement.path("result").path("duration").asString(null)),
                    completed(statement), certificates(found.statementId(), statement)));
        }
        // newest first by when it happened (a certificate is often recorded after later e-learning)
        entries.sort(java.util.Comparator.comparing(DevelopmentEntry::timestamp).reversed());
        return entries;
    }

    static List<CertificateView> certificates(String statementId, JsonNode statement) {
        List<CertificateView> found = new ArrayList<>();
        for (JsonNode attachment : statement.path("attachments")) {
            if (CERTIFICATE_USAGE.equals(attachment.path("usageType").asString(""))) {
                found.add(new CertificateView(statementId, attachment.path("sha2").asString(""),
                        attachment.path("contentType").asString(""), display(attachment.path("description")),
                        attachment.path("length").asLong(0), "/api/certificates/" + statementId));
                break; // one certificate per statement: the first
            }
        }
        return found;
    }

    private static boolean completed(JsonNode statement) {
        String verb = statement.path("verb").path("id").asString("");
        return statement.path("result").path("completion").asBoolean(false) || verb.endsWith("/completed") || verb.endsWith("/passed");
    }

    private static OffsetDateTime timestamp(JsonNode statement) {
        String text = statement.path("timestamp").asString(statement.path("stored").asString(null));
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(FiscalYears.BANGKOK).toOffsetDateTime();
        } catch (RuntimeException e) {
            return Instant.EPOCH.atZone(FiscalYears.BANGKOK).toOffsetDateTime();
        }
    }

    /** Thai first, then English, then any language of a language map. */
    static String display(JsonNode languageMap) {
        if (languageMap == null || !languageMap.isObject() || languageMap.isEmpty()) {
            return null;
        }
        for (String language : List.of("th-TH", "th", "en-US", "en")) {
            if (languageMap.has(language)) {
                return languageMap.get(language).asString("");
            }
        }
        return languageMap.properties().iterator().next().getValue().asString("");
    }

    /** Hours of an ISO 8601 duration (days, hours, minutes, seconds); 0 when absent or unreadable. */
    static double hours(String duration) {
        if (duration == null) {
            return 0;
        }
        try {
            return Duration.parse(duration).toMillis() / 3_600_000.0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
