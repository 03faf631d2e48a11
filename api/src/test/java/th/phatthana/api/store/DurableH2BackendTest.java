package th.phatthana.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;

/** A write whose commit cannot reach the disk is not acknowledged, and the store says so (health DOWN). */
class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aFailedCommitRefusesTheWriteAndMarksTheStoreFailing() {
        MVStore mvStore = DurableH2Backend.open(dir.resolve("store.mv"));
        DurableH2Backend backend = new DurableH2Backend(mvStore, true, Set.of());
        io.netty.channel.Channel channel = new io.netty.channel.embedded.EmbeddedChannel();
        Document insert = new Document("insert", "things");
        insert.put("documents", List.of(new Document("_id", 1)));
        backend.handleCommand(channel, "db", "insert", insert);
        assertThat(backend.failing()).isFalse();

        mvStore.getFileStore().close(); // the disk goes away under the store
        Document another = new Document("insert", "things");
        another.put("documents", List.of(new Document("_id", 2)));
        assertThatThrownBy(() -> backend.handleCommand(channel, "db", "insert", another))
                .hasMessageContaining("could not make the write durable");
        assertThat(backend.failing()).isTrue();
        try {
            backend.close(); // stops its commit timer
        } catch (RuntimeException e) {
            // the file is gone already
        }
    }
}
