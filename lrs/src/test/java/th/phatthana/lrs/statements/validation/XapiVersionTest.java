package th.phatthana.lrs.statements.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XapiVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.9", "1.0.10", " 1.0.3 "})
    void onePointZeroHeadersSelectVersion103(String header) {
        assertEquals(XapiVersion.V1_0_3, XapiVersion.fromHeader(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "2.0.0", "2.0.1", "2.0.15"})
    void twoPointZeroHeadersSelectVersion200(String header) {
        assertEquals(XapiVersion.V2_0_0, XapiVersion.fromHeader(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "2", "1.1", "1.1.0", "0.9.5", "0.95", "3.0.0", "2.1.0", "1.0.", "1.0.x", "1.0.3-beta",
        "v1.0.3", "1.00", "2.0.0.0", "1.0.0.1", "abc"})
    void otherHeadersAreNotSupported(String header) {
        StatementValidationException e =
                assertThrows(StatementValidationException.class, () -> XapiVersion.fromHeader(header));
        assertTrue(e.getMessage().startsWith("X-Experience-API-Version"), e.getMessage());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void missingHeaderIsNotSupported() {
        StatementValidationException e =
                assertThrows(StatementValidationException.class, () -> XapiVersion.fromHeader(null));
        assertTrue(e.getMessage().startsWith("X-Experience-API-Version"), e.getMessage());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void headerValues() {
        assertEquals("1.0.3", XapiVersion.V1_0_3.headerValue());
        assertEquals("2.0.0", XapiVersion.V2_0_0.headerValue());
    }
}
