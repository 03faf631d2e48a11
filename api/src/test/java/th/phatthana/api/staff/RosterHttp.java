package th.phatthana.api.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads roster files and downloads templates over real HTTP, as a browser form would. */
final class RosterHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String token;
    private String language = "en";

    /** Sends this Accept-Language with every request (null: none, so messages come in Thai); English by default, as tests read English texts. */
    RosterHttp language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    RosterHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    record Answer(int status, JsonNode json) {
    }

    Answer upload(String filename, String contentType, byte[] content) {
        String boundary = "----roster" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/staff/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    Answer uploadCsv(String csv) {
        return upload("roster.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> template(String format) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/staff/import/template?format=" + format)).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            return CLIENT.send(request.build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
