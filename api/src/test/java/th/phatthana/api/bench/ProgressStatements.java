package th.phatthana.api.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import th.phatthana.api.bench.StatementCorpus.Batch;

/** The progress benchmark's statements: the ingest corpus, with voids added (about one statement in a hundred). */
final class ProgressStatements {

    private ProgressStatements() {
    }

    /**
     * Adds to every batch from index {@code distance} on a statement voiding the first statement of the batch
     * {@code distance} earlier (long posted by then, whichever client posted it).
     */
    static List<Batch> withVoids(List<Batch> batches, int distance) {
        List<Batch> result = new ArrayList<>(batches.size());
        for (int b = 0; b < batches.size(); b++) {
            Batch batch = batches.get(b);
            if (b < distance) {
                result.add(batch);
                continue;
            }
            String id = UUID.randomUUID().toString();
            String voiding = """
                    ,{"id":"%s","actor":{"objectType":"Agent","name":"DLA e-Learning","mbox":"mailto:lms@dla.go.th"},\
                    "verb":{"id":"http://adlnet.gov/expapi/verbs/voided","display":{"en-US":"voided"}},\
                    "object":{"objectType":"StatementRef","id":"%s"}}]""".formatted(id, batches.get(b - distance).ids().get(0));
            byte[] body = batch.body();
            byte[] tail = voiding.getBytes(StandardCharsets.UTF_8);
            byte[] joined = Arrays.copyOf(body, body.length - 1 + tail.length);
            System.arraycopy(tail, 0, joined, body.length - 1, tail.length);
            List<String> ids = new ArrayList<>(batch.ids());
            ids.add(id);
            result.add(new Batch(joined, List.copyOf(ids)));
        }
        return result;
    }
}
