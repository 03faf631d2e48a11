package th.phatthana.api.staff;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the reads the application sends to the store, by collection, while a test has it
 * recording: registered on the application's MongoClient as a command listener (a component of
 * the test sources, so every test context has it and the shared context stays shared). Reads of
 * the application's background threads (the progress projector and its watchers, the statement
 * forwarder) are left out: they are not the request's, and come whenever their poll does.
 */
@Component
public class StoreQueries implements MongoClientSettingsBuilderCustomizer, CommandListener {

    private static final Set<String> READS = Set.of("find", "aggregate", "count", "distinct", "getMore");

    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (recording && READS.contains(event.getCommandName()) && !background(Thread.currentThread().getName())) {
            Object collection = event.getCommand().get(event.getCommandName());
            seen.add(event.getCommandName() + " " + (collection == null ? "" : collection.toString().replace("BsonString{value='", "")
                    .replace("'}", "")));
        }
    }

    /** The application's own threads (named where they are made) that poll the store on their own. */
    private static boolean background(String thread) {
        return thread.startsWith("progress-") || thread.equals("statement-forwarder");
    }

    /** Starts recording afresh. */
    public void start() {
        seen.clear();
        recording = true;
    }

    /** Stops recording; the reads seen since {@link #start()}, e.g. "find staff". */
    public List<String> stop() {
        recording = false;
        return List.copyOf(seen);
    }
}
