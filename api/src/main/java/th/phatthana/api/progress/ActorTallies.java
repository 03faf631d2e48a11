package th.phatthana.api.progress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each actor's statements added to one course in one fiscal year, and the compact binary
 * form a course-year document keeps them in ({@code actors}).
 *
 * <p>Binary, because {@code planProgress} reads every course-year of a plan on every query: as
 * sub-documents (hundreds of actors times five fields per course) encoding and decoding them took
 * most of the query's time; as one binary value per course it is a copy. The read model is
 * rebuilt from the statements, so the format is private to it.
 */
final class ActorTallies {

    private static final int FORMAT = 1;

    private ActorTallies() {
    }

    /** One actor's counters in one course-year. */
    static final class Tally {
        long statements;
        long qualifying;
        long millis;
        /** Qualifying statements per course activity (its index in the course), for ActivityMatch.ALL. */
        final TreeMap<Integer, Long> qualifyingByActivity = new TreeMap<>();

    }

    /** The tallies by actor key, in key order (so equal tallies always give equal bytes). */
    static byte[] encode(TreeMap<String, Tally> tallies) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + tallies.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(tallies.size());
            for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                Tally tally = entry.getValue();
                out.writeUTF(entry.getKey());
                out.writeLong(tally.statements);
                out.writeLong(tally.qualifying);
                out.writeLong(tally.millis);
                out.writeInt(tally.qualifyingByActivity.size());
                for (Map.Entry<Integer, Long> activity : tally.qualifyingByActivity.entrySet()) {
                    out.writeInt(activity.getKey());
                    out.writeLong(activity.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TreeMap<String, Tally> decode(byte[] encoded) {
        TreeMap<String, Tally> tallies = new TreeMap<>();
        if (encoded == null || encoded.length == 0) {
            return tallies;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown course-year format " + format + ": rebuild progress");
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                Tally tally = new Tally();
                tally.statements = in.readLong();
                tally.qualifying = in.readLong();
                tally.millis = in.readLong();
                int activities = in.readInt();
                for (int a = 0; a < activities; a++) {
                    tally.qualifyingByActivity.put(in.readInt(), in.readLong());
                }
                tallies.put(key, tally);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tallies;
    }
}
