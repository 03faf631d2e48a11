package th.phatthana.api.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param mongodbUri a MongoDB connection string ({@code MONGODB_URI}); when blank the embedded store is used
 * @param mode       for the embedded store: {@code persistent} (default) or {@code memory} ({@code PHATTHANA_STORE})
 * @param dataDir    directory of the persistent embedded store ({@code PHATTHANA_DATA_DIR})
 */
@ConfigurationProperties("phatthana.store")
public record StoreProperties(String mongodbUri, String mode, String dataDir) {

    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }

    public boolean inMemory() {
        return "memory".equalsIgnoreCase(mode);
    }
}
