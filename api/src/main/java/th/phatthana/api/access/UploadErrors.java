package th.phatthana.api.access;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** A file upload the server cannot read is the client's mistake (400, 413), never a 500. */
@RestControllerAdvice // for every handler: the multipart body is read before the handler is chosen
class UploadErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Map.of("error", Map.of("code", "PAYLOAD_TOO_LARGE", "message", "the uploaded file is larger than allowed")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> unreadable(MultipartException e) {
        return ResponseEntity.badRequest().body(Map.of("error", Map.of("code", "BAD_UPLOAD",
                "message", "the upload is not a readable multipart/form-data body (its boundary is missing or wrong); send the file in the field 'file'")));
    }
}
