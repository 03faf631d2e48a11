package th.phatthana.tenants.divisions;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A division (ส่วนราชการ) of an organisation: สำนักปลัด, กองคลัง, กองช่าง,
 * กองการศึกษา ศาสนาและวัฒนธรรม, … Names are unique within the organisation.
 *
 * @param id        {@code <tenantId>/<uuid>} (see {@link ScopedIds})
 * @param sortOrder position in lists (ascending, then by name)
 */
@Document("divisions")
@CompoundIndex(name = "tenant_name", def = "{'tenantId': 1, 'nameTh': 1}", unique = true)
public record Division(
        @Id String id,
        String tenantId,
        String nameTh,
        String nameEn,
        int sortOrder,
        Instant createdAt,
        Instant updatedAt) {
}
