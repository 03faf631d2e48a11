package th.phatthana.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;

/** Starting from a backup: once, never over later writes, and never from a file that is not a store. */
class StoreRestoreTest {

    @TempDir
    Path dir;

    @Test
    void aBackupIsRestoredOnceAndTheReplacedDataIsKept() throws Exception {
        Path backup = store(dir.resolve("backup.mv"), 3);
        Path data = store(dir.resolve("data").resolve("phatthana.mv"), 7);

        StoreRestore.restore(backup, data);
        assertThat(DurableH2Backend.count(data, StoreConfiguration.DATABASE)).containsEntry("statements", 3L);
        try (var kept = Files.list(data.getParent())) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("phatthana.mv.before-restore-"));
        }

        // later writes, then a start with the same setting: the backup is not restored over them
        Files.delete(data);
        store(data, 5);
        StoreRestore.restore(backup, data);
        assertThat(DurableH2Backend.count(data, StoreConfiguration.DATABASE)).containsEntry("statements", 5L);
    }

    @Test
    void aFileThatIsNotABackupLeavesTheDataAsItWas() throws Exception {
        Path data = store(dir.resolve("data").resolve("phatthana.mv"), 4);
        Path notABackup = Files.writeString(dir.resolve("notes.mv"), "not a store");
        assertThatThrownBy(() -> StoreRestore.restore(notABackup, data)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a backup of the embedded store").hasMessageContaining("the data was not changed");
        assertThatThrownBy(() -> StoreRestore.restore(dir.resolve("missing.mv"), data)).hasMessageContaining("no backup file");
        assertThat(DurableH2Backend.count(data, StoreConfiguration.DATABASE)).containsEntry("statements", 4L);
    }

    /** A store file with `n` statements, written through the durable backend as the application writes. */
    private static Path store(Path file, int n) throws Exception {
        Files.createDirectories(file.getParent());
        MVStore mvStore = DurableH2Backend.open(file);
        DurableH2Backend backend = new DurableH2Backend(mvStore, true, Set.of());
        io.netty.channel.Channel channel = new io.netty.channel.embedded.EmbeddedChannel();
        for (int i = 0; i < n; i++) {
            Document insert = new Document("insert", "statements");
            insert.put("documents", List.of(new Document("_id", "s" + i)));
            backend.handleCommand(channel, StoreConfiguration.DATABASE, "insert", insert);
        }
        backend.close();
        return file;
    }
}
