package th.phatthana.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class XapiExceptionHandlerTest {

    @Test
    void aRefusalThatMayBeRepeatedCarriesRetryAfter() {
        ResponseEntity<String> response = new XapiExceptionHandler().xapi(XapiException.unavailable("stopped", 2));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(response.getBody()).contains("stopped");

        ResponseEntity<String> tooMany = new XapiExceptionHandler().xapi(XapiException.tooManyRequests("busy", 1));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
        assertThat(tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        assertThat(new XapiExceptionHandler().xapi(XapiException.badRequest("bad")).getHeaders().containsHeader(HttpHeaders.RETRY_AFTER))
                .isFalse();
    }
}
