package th.phatthana.api.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The embedded store's door: a connection must authenticate with SCRAM-SHA-256 (the mechanism
 * MongoDB uses) as the one user whose password is generated at start, kept only in memory and
 * never logged, before any other command is answered. The embedded server has to listen on a
 * loopback TCP port for the driver; without this any local process could read credential hashes
 * or write an admin token there.
 *
 * <p>Before authentication only the handshake ({@code isMaster}/{@code hello}) and the SASL
 * conversation are answered; anything else is refused with error 13 (Unauthorized), as MongoDB
 * does.
 */
final class AuthenticatingBackend implements MongoBackend {

    static final String USER = "phatthana";
    private static final int ITERATIONS = 4096;
    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    private static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey.valueOf("phatthana.authenticated");
    private static final AttributeKey<Conversation> CONVERSATION = AttributeKey.valueOf("phatthana.scram");

    private final MongoBackend backend;
    private final String password;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;
    private final SecureRandom random = new SecureRandom();

    private record Conversation(String clientFirstBare, String serverFirst, String nonce) {
    }

    AuthenticatingBackend(MongoBackend backend) {
        this.backend = backend;
        this.password = randomText(32);
        this.salt = new byte[16];
        random.nextBytes(salt);
        byte[] salted = pbkdf2(password, salt);
        this.storedKey = sha256(hmac(salted, "Client Key"));
        this.serverKey = hmac(salted, "Server Key");
    }

    /** The password the application's own driver connects with (never logged). */
    String password() {
        return password;
    }

    // ---- the door -------------------------------------------------------------------------------

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        switch (name) {
            case "saslstart":
                return saslStart(channel, query);
            case "saslcontinue":
                return saslContinue(channel, query);
            case "ismaster", "hello":
                return backend.handleCommand(channel, database, command, withoutSpeculation(query));
            default:
                requireAuthenticated(channel);
                return backend.handleCommand(channel, database, command, query);
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document query = message.getDocument();
        String command = query.keySet().iterator().next();
        return handleCommand(message.getChannel(), message.getDatabaseName(), command, query);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAuthenticated(query.getChannel());
        return backend.handleQuery(query);
    }

    private static Document withoutSpeculation(Document query) {
        if (!query.containsKey("speculativeAuthenticate")) {
            return query;
        }
        Document copy = new Document(query);
        copy.remove("speculativeAuthenticate");
        return copy;
    }

    private static void requireAuthenticated(Channel channel) {
        if (!Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get())) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "command requires authentication");
        }
    }

    // ---- SCRAM-SHA-256 (RFC 5802, RFC 7677) ---------------------------------------------------------

    private Document saslStart(Channel channel, Document query) {
        if (!"SCRAM-SHA-256".equals(query.get("mechanism"))) {
            throw failed(channel);
        }
        String clientFirst = payload(query);
        if (!clientFirst.startsWith("n,,")) {
            throw failed(channel);
        }
        String clientFirstBare = clientFirst.substring(3);
        Map<String, String> fields = fields(clientFirstBare);
        if (!USER.equals(fields.get("n")) || fields.get("r") == null) {
            throw failed(channel);
        }
        String nonce = fields.get("r") + randomText(24);
        String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        channel.attr(CONVERSATION).set(new Conversation(clientFirstBare, serverFirst, nonce));
        return answer(serverFirst, false);
    }

    private Document saslContinue(Channel channel, Document query) {
        Conversation conversation = channel.attr(CONVERSATION).getAndSet(null);
        if (conversation == null) {
            if (Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get())) {
                return answer("", true);
            }
            throw failed(channel);
        }
        String clientFinal = payload(query);
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw failed(channel);
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<String, String> fields = fields(withoutProof);
        if (!conversation.nonce().equals(fields.get("r"))) {
            throw failed(channel);
        }
        String authMessage = conversation.clientFirstBare() + "," + conversation.serverFirst() + "," + withoutProof;
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw failed(channel);
        }
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != signature.length) {
            throw failed(channel);
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            throw failed(channel);
        }
        channel.attr(AUTHENTICATED).set(Boolean.TRUE);
        return answer("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)), true);
    }

    private static MongoServerError failed(Channel channel) {
        channel.attr(CONVERSATION).set(null);
        return new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }

    private static Document answer(String payload, boolean done) {
        Document answer = new Document("conversationId", 1);
        answer.put("done", done);
        answer.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
        answer.put("ok", 1.0);
        return answer;
    }

    private static String payload(Document query) {
        Object payload = query.get("payload");
        byte[] bytes = payload instanceof BinData binary ? binary.getData() : payload instanceof byte[] raw ? raw : new byte[0];
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> fields(String message) {
        Map<String, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() > 2 && part.charAt(1) == '=') {
                fields.put(part.substring(0, 1), part.substring(2));
            }
        }
        return fields;
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        // Letters and digits only: no SASLprep or URI escaping questions.
        return java.util.HexFormat.of().formatHex(value);
    }

    private static byte[] pbkdf2(String password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- everything else goes to the store as it is -----------------------------------------------

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
