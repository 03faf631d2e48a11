package th.phatthana.api.competencies;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff member's assessed level of one catalogue item on a date (การประเมินสมรรถนะ). Assessments are
 * never changed: a new assessment supersedes older ones, and the history stays.
 *
 * @param id             {@code <tenantId>/<uuid>}
 * @param staffId        the staff member (an id of the staff register)
 * @param code           catalogue code
 * @param level          0–5
 * @param assessedOn     the date of the assessment, ISO yyyy-MM-dd (compares in date order, never shifts with time zones)
 * @param assessor       who assessed (ผู้ประเมิน), e.g. the supervisor's name
 * @param note           remarks, evidence
 * @param recordedAt     when it was recorded
 * @param recordedBy     subject of the user who recorded it
 * @param recordedByName that user's name
 */
@Document("competency_assessments")
@CompoundIndex(name = "tenant_staff_code_date", def = "{'tenantId': 1, 'staffId': 1, 'code': 1, 'assessedOn': -1}")
public record Assessment(@Id String id, String tenantId, String staffId, String code, int level, String assessedOn,
        String assessor, String note, Instant recordedAt, String recordedBy, String recordedByName) {

    public LocalDate assessedDate() {
        return LocalDate.parse(assessedOn);
    }

    /** Whether this assessment supersedes the other (later date; on the same date, recorded later). */
    boolean supersedes(Assessment other) {
        int byDate = assessedOn.compareTo(other.assessedOn);
        return byDate > 0 || byDate == 0 && recordedAt.isAfter(other.recordedAt);
    }
}
