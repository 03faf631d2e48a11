package th.phatthana.api.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code --forward}: a deployment-wide forwarding target in the benchmark's application, pointing at
 * this in-process receiver, which reads each POST and answers 200: the cost of forwarding on the
 * sending side (reading the stream again, sending it), not of a receiving LRS.
 */
final class ForwardingSink implements AutoCloseable {

    private final HttpServer server;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    private ForwardingSink(HttpServer server) {
        this.server = server;
    }

    static ForwardingSink start(ConfigurableApplicationContext app) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ForwardingSink sink = new ForwardingSink(server);
        server.createContext("/xapi/statements", exchange -> {
            sink.bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
            sink.requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("[]".getBytes());
            exchange.close();
        });
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/xapi/";
        app.getBean(MongoTemplate.class).getCollection("forwarding_targets").insertOne(new Document("_id", "benchmark-sink")
                .append("name", "benchmark sink").append("endpoint", endpoint).append("version", "V1_0_3").append("scope", "DEPLOYMENT")
                .append("tenantId", null).append("authKind", "BASIC").append("authUser", "bench").append("secret", "bench")
                .append("verbs", List.of()).append("activityIds", List.of()).append("enabled", true).append("createdAt", new Date())
                .append("failures", 0));
        System.out.println("Forwarding: every statement is forwarded to " + endpoint);
        return sink;
    }

    @Override
    public void close() {
        System.out.printf("Forwarding: the receiver got %,d requests, %,d bytes%n", requests.get(), bytes.get());
        server.stop(0);
    }
}
