package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import th.phatthana.api.testing.IntegrationTest;

/** The console and GraphiQL are served by the application, from its own files only. */
class ConsoleServingTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern LOCAL_FILES = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void consoleRoutesAnswerWithTheConsolePage() throws Exception {
        for (String path : List.of("/", "/dashboard", "/dashboard/person?staff=a%2Fb&plan=c&year=2570", "/staff", "/invite/Ab_9-xyz",
                "/oversight/0b6f2c1e-7f7c-4b5e-9a55-1c1f7e3c2d10")) {
            HttpResponse<String> page = get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "connect-src 'self'");
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        }
    }

    @Test
    void graphiqlLoadsEverythingFromTheApplication() throws Exception {
        HttpResponse<String> page = get("/graphiql", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"graphiql\"").doesNotContain("esm.sh").doesNotContain("unpkg").doesNotContain("cdn");
        List<String> files = localFiles(page.body());
        assertThat(files).isNotEmpty();
        for (String file : files) {
            assertThat(file).as("every script and style of GraphiQL is a file of the application").startsWith("/assets/");
            HttpResponse<String> asset = get(file, null);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.body()).as(file).doesNotContain("https://esm.sh");
        }
    }

    @Test
    void assetsAreCachedForAYearAndGzippedForBrowsersThatAcceptIt() throws Exception {
        String script = localFiles(get("/", null).body()).stream().filter(f -> f.endsWith(".js")).findFirst().orElseThrow();
        HttpResponse<byte[]> plain = getBytes(script, null);
        HttpResponse<byte[]> gzipped = getBytes(script, "gzip");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").contains("immutable");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void theSarabunFontIsServed() throws Exception {
        HttpResponse<byte[]> font = getBytes("/fonts/Sarabun-Regular.ttf", null);
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.body().length).isGreaterThan(10_000);
    }

    @Test
    void apiPathsAndMissingFilesAreNeverAnsweredWithThePage() throws Exception {
        for (String path : List.of("/api/no-such-endpoint", "/assets/no-such-file.js", "/logo.png", "/xapi/no-such-resource")) {
            HttpResponse<String> answer = get(path, null);
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("<div id=\"root\">");
        }
        assertThat(get("/actuator/health", null).body()).contains("\"status\"");
        assertThat(get("/graphql/schema", null).body()).contains("type Query");
    }

    @Test
    void pagesAreChosenByPath() {
        assertThat(ConsolePageResolver.pageFor("")).isEqualTo("index.html");
        assertThat(ConsolePageResolver.pageFor("invite/abc")).isEqualTo("index.html");
        assertThat(ConsolePageResolver.pageFor("graphiql")).isEqualTo("graphiql.html");
        assertThat(ConsolePageResolver.pageFor("api/staff")).isNull();
        assertThat(ConsolePageResolver.pageFor("graphql/schema")).isNull();
        assertThat(ConsolePageResolver.pageFor("assets/x")).isNull();
        assertThat(ConsolePageResolver.pageFor("report.pdf")).isNull();
    }

    private static List<String> localFiles(String html) {
        List<String> files = new ArrayList<>();
        Matcher matcher = LOCAL_FILES.matcher(html);
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("data:")) {
                files.add(matcher.group(1));
            }
        }
        return files;
    }

    private HttpResponse<String> get(String path, String encoding) throws Exception {
        return CLIENT.send(request(path, encoding), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path, String encoding) throws Exception {
        return CLIENT.send(request(path, encoding), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, String encoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return request.build();
    }
}
