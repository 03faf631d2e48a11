package th.phatthana.api.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param mongodbUri a MongoDB connection string ({@code MONGODB_URI}); when blank the embedded store is used
 * @param mode       for the embedded store: {@code persistent} (default) or {@code memory} ({@code PHATTHANA_STORE})
 * @param dataDir    directory of the persistent embedded store ({@code PHATTHANA_DATA_DIR})
 * @param sync       for the persistent embedded store: {@code fsync} (default) forces every commit to the
 *                   disk before a write is acknowledged, so it survives a power cut; {@code write} only
 *                   hands it to the operating system, which survives a crash of the process but not of
 *                   the machine ({@code PHATTHANA_STORE_SYNC})
 * @param restoreFrom a backup of the persistent embedded store (from {@code POST /api/admin/backup}) to start
 *                   from: the data file is replaced by it once ({@code PHATTHANA_RESTORE_FROM})
 */
@ConfigurationProperties("phatthana.store")
public record StoreProperties(String mongodbUri, String mode, String dataDir, String sync, String restoreFrom) {

    public boolean forceToDisk() {
        return sync == null || !"write".equalsIgnoreCase(sync);
    }

    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }

    public boolean inMemory() {
        return "memory".equalsIgnoreCase(mode);
    }
}
