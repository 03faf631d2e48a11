package th.phatthana.lrs.statements.index;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;

/** Drops indexes of the statements collection that the store in use does not need. */
final class StoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private StoreIndexes() {
    }

    static void drop(MongoCollection<Document> collection, Collection<String> names) {
        Set<String> existing = new HashSet<>();
        for (Document index : collection.listIndexes()) {
            existing.add(index.getString("name"));
        }
        for (String name : names) {
            if (existing.contains(name)) {
                collection.dropIndex(name);
                log.info("{}: dropped index {}, which the statement queries of this store do not use", collection.getNamespace(), name);
            }
        }
    }
}
