package th.phatthana.api.plans;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Which version of each plan is in force, for read models that must notice approvals made by
 * another instance: one small projection of the plans, no plan content.
 */
@Component
public class PlanVersions {

    private final MongoTemplate mongo;

    PlanVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The approved version number of every approved plan of these tenants, by tenant id and plan id. */
    public Map<String, Map<String, Integer>> approved(Collection<String> tenantIds) {
        Query query = Query.query(Criteria.where("tenantId").in(tenantIds));
        query.fields().include("tenantId", "currentVersion");
        Map<String, Map<String, Integer>> result = new HashMap<>();
        for (Document plan : mongo.find(query, Document.class, mongo.getCollectionName(Plan.class))) {
            Map<String, Integer> ofTenant = result.computeIfAbsent(plan.getString("tenantId"), t -> new HashMap<>());
            Number version = plan.get("currentVersion", Number.class);
            if (version != null) {
                ofTenant.put(plan.get("_id").toString(), version.intValue());
            }
        }
        return result;
    }
}
