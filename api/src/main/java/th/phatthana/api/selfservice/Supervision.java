package th.phatthana.api.selfservice;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Who reports to whom (ผู้บังคับบัญชา), the one place self-service access asks. The register's
 * supervisor link ({@code Staff.supervisorId}) is being added with individual development plans; until
 * it is merged, the link lives here, in {@code staff_supervisors} ({@code _id} tenantId/staffId), and
 * this class is the only thing to point at the register's field then.
 */
@Component
public class Supervision {

    static final String COLLECTION = "staff_supervisors";

    private final MongoTemplate mongo;

    Supervision(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("tenantId", "supervisorId"));
    }

    /** The staff ids of the people who report to this staff member. */
    public List<String> reportsOf(String tenantId, String supervisorStaffId) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("supervisorId", supervisorStaffId)))
                .map(d -> d.getString("staffId")).into(new java.util.ArrayList<>());
    }

    public boolean supervises(String tenantId, String supervisorStaffId, String staffId) {
        Document link = mongo.getCollection(COLLECTION).find(Filters.eq("_id", tenantId + "/" + staffId)).first();
        return link != null && supervisorStaffId.equals(link.getString("supervisorId"));
    }

    /** Records that {@code staffId} reports to {@code supervisorStaffId} (both of the tenant, checked by the caller). */
    public void set(String tenantId, String staffId, String supervisorStaffId) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", tenantId + "/" + staffId),
                new Document("_id", tenantId + "/" + staffId).append("tenantId", tenantId).append("staffId", staffId)
                        .append("supervisorId", supervisorStaffId),
                new ReplaceOptions().upsert(true));
    }
}
