package th.phatthana.api.administration;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/** An uploaded file: the multipart field {@code file}, or the request body itself. */
record Upload(String filename, byte[] content) {

    static Upload from(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) {
            try {
                Part part = request.getPart("file");
                if (part != null) {
                    return new Upload(part.getSubmittedFileName(), part.getInputStream().readAllBytes());
                }
            } catch (ServletException e) {
                throw new IOException("the multipart upload could not be read", e);
            }
        }
        String name = contentType.contains("spreadsheetml") ? "upload.xlsx" : "upload.csv";
        return new Upload(name, request.getInputStream().readAllBytes());
    }
}
