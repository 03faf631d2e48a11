package th.phatthana.lrs.statements;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import th.phatthana.lrs.xapi.XapiException;

/**
 * Reads and writes {@code multipart/mixed} bodies (RFC 2046) as xAPI uses them for attachments:
 * the statements first, then one part per attachment.
 */
public final class MultipartMixed {

    private MultipartMixed() {
    }

    public record Part(Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** The boundary parameter of a multipart Content-Type, or an error naming what is missing. */
    public static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.length() > 70) {
                    throw XapiException.badRequest("the multipart boundary is " + value.length()
                            + " characters long; RFC 2046 allows at most 70");
                }
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        throw XapiException.badRequest("multipart/mixed Content-Type without a boundary parameter");
    }

    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw XapiException.badRequest("multipart body does not contain its boundary '" + boundary + "'");
        }
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return parts; // closing delimiter
            }
            int headerStart = skipLineEnd(body, afterDelimiter);
            int next = indexOf(body, delimiter, headerStart);
            if (next < 0) {
                throw XapiException.badRequest("multipart body is not terminated by its closing boundary");
            }
            int partEnd = next;
            // The CRLF before a delimiter belongs to the delimiter.
            if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
                partEnd -= 2;
            } else if (partEnd >= 1 && body[partEnd - 1] == '\n') {
                partEnd -= 1;
            }
            parts.add(parsePart(body, headerStart, partEnd));
            position = next;
        }
    }

    private static Part parsePart(byte[] body, int start, int end) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int line = start;
        while (line < end) {
            int lineEnd = line;
            while (lineEnd < end && body[lineEnd] != '\n') {
                lineEnd++;
            }
            int textEnd = lineEnd > line && body[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (textEnd == line) {
                return new Part(headers, Arrays.copyOfRange(body, Math.min(lineEnd + 1, end), end));
            }
            String header = new String(body, line, textEnd - line, StandardCharsets.UTF_8);
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw XapiException.badRequest("malformed multipart part header: '" + header + "'");
            }
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            line = lineEnd + 1;
        }
        return new Part(headers, new byte[0]);
    }

    private static int skipLineEnd(byte[] body, int position) {
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        if (position < body.length && body[position] == '\r') {
            position++;
        }
        if (position < body.length && body[position] == '\n') {
            position++;
        }
        return position;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
