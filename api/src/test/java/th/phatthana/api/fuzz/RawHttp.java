package th.phatthana.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the request line, headers and body go out exactly as given, so a
 * fuzzer can send what {@link java.net.URI} and {@link java.net.http.HttpClient} refuse to build
 * (malformed percent escapes, raw braces and spaces, odd header values).
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A response: the status code, and the head and body as text. */
    record Response(int status, String text) {
    }

    /**
     * @param target the request target: path and query, sent as ISO-8859-1 bytes (so any byte can be sent)
     */
    static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                throw new IOException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
            }
            return new Response(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
