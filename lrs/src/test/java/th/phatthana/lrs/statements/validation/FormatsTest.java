package th.phatthana.lrs.statements.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    // ---------------------------------------------------------------------------------------------- IRIs

    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.com",
        "https://example.com/path?query=1#fragment",
        "https://ตัวอย่าง.ไทย/เส้นทาง/กิจกรรม?q=ค่า#ส่วน",
        "http://adlnet.gov/expapi/verbs/attended",
        "urn:uuid:6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
        "tag:example.com,2024:activity",
        "mailto:someone@example.com",
        "http://example.com/a%20b",
        "http://example.com/\uD83D\uDE00", // a supplementary character (surrogate pair)
        "ftp://user:pass@host:21/file",
        "http://[::1]/x",
        "a:b"})
    void absoluteIris(String iri) {
        assertTrue(Formats.isAbsoluteIri(iri), iri);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "a", "a:", "http:", "example.com", "adlnet.gov/expapi/verbs/attended", "/relative/path", "#frag",
        "://example.com", "1http://example.com", "ht tp://example.com", "http://exa mple.com", "http://example.com/ ",
        "http://example.com/<x>", "http://example.com/\"x\"", "http://example.com/{x}", "http://example.com/a|b",
        "http://example.com/a\\b", "http://example.com/a^b", "http://example.com/`", "http://example.com/%zz",
        "http://example.com/%2", "http://example.com/#a#b", "http://example.com/\t", "http://example.com/\u0085",
        "http://example.com/\uD83D", "should fail"})
    void notAbsoluteIris(String iri) {
        assertFalse(Formats.isAbsoluteIri(iri), iri);
    }

    // ---------------------------------------------------------------------------------------------- UUIDs

    @ParameterizedTest
    @ValueSource(strings = {"6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "6690E6C9-3EF0-4ED3-8B37-7F3964730BEE",
        "6690e6c9-3EF0-4ed3-8B37-7f3964730bee", "00000000-0000-0000-0000-000000000000",
        "01890a5d-ac96-774b-bcce-b302099a8057", "6690e6c9-3ef0-1ed3-0b37-7f3964730bee"})
    void uuids(String uuid) {
        assertTrue(Formats.isUuid(uuid), uuid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee0", "6690e6c9-3ef0-4ed3-8b37-7f3964730be",
        "6690e6c93ef04ed38b377f3964730bee", "{6690e6c9-3ef0-4ed3-8b37-7f3964730bee}",
        "6690e6c9-3ef0-4ed3-8b37-7f3964730beg", "6690e6c9_3ef0_4ed3_8b37_7f3964730bee",
        "6690e6c93-ef0-4ed3-8b37-7f3964730bee", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"})
    void notUuids(String uuid) {
        assertFalse(Formats.isUuid(uuid), uuid);
    }

    // ------------------------------------------------------------------------------------------ mailto

    @ParameterizedTest
    @ValueSource(strings = {"mailto:xapi@adlnet.gov", "mailto:first.last+tag@example.co.th",
        "mailto:สมชาย@ตัวอย่าง.ไทย", "mailto:user@localhost", "mailto:a%20b@example.com"})
    void mailtoIris(String mbox) {
        assertTrue(Formats.isMailtoIri(mbox), mbox);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xapi@adlnet.gov", "mailto:", "mailto:xapi", "mailto:@adlnet.gov", "mailto:xapi@",
        "mailto:xa pi@adlnet.gov", "mailto:a@b@c.com", "mailto:a@b.com,c@d.com", "mailto:a@b.com?subject=hi",
        "mailto:a@.example.com", "mailto:a@example..com", "mailto:a@example.com.", "http://adlnet.gov",
        "Mailto:xapi@adlnet.gov"})
    void notMailtoIris(String mbox) {
        assertFalse(Formats.isMailtoIri(mbox), mbox);
    }

    // -------------------------------------------------------------------------------------------- hashes

    @ParameterizedTest
    @ValueSource(strings = {"cd9b00a5611f94eaa7b1661edab976068e364975", "CD9B00A5611F94EAA7B1661EDAB976068E364975"})
    void sha1(String hash) {
        assertTrue(Formats.isSha1Hex(hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cd9b00a5611f94eaa7b1661edab976068e36497", "cd9b00a5611f94eaa7b1661edab976068e3649755",
        "zd9b00a5611f94eaa7b1661edab976068e364975"})
    void notSha1(String hash) {
        assertFalse(Formats.isSha1Hex(hash));
    }

    @ParameterizedTest
    @ValueSource(ints = {56, 64, 96, 128})
    void sha2Lengths(int length) {
        assertTrue(Formats.isSha2Hex("a".repeat(length)));
        assertFalse(Formats.isSha2Hex("g".repeat(length)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 40, 63, 65, 127, 129})
    void notSha2Lengths(int length) {
        assertFalse(Formats.isSha2Hex("a".repeat(length)));
    }

    // ---------------------------------------------------------------------------------------- media types

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "text/plain; charset=ascii", "text/plain;charset=utf-8",
        "application/octet-stream", "image/svg+xml", "application/vnd.ms-excel", "video/mp4"})
    void mediaTypes(String type) {
        assertTrue(Formats.isMediaType(type), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pdf", "text/", "/plain", "text/plain extra", "text /plain", "text/pl ain",
        "should fail", "text/plain;\u0001", "ข้อความ/ธรรมดา"})
    void notMediaTypes(String type) {
        assertFalse(Formats.isMediaType(type), type);
    }

    // -------------------------------------------------------------------------------------- language tags

    @ParameterizedTest
    @ValueSource(strings = {"en", "th", "tha", "th-TH", "en-US", "en-GB", "de", "de-DE", "zh-Hant", "sr-Latn-RS",
        "zh-Hans-CN", "es-419", "es-MX", "sr-Cyrl", "cmn", "ase", "tlh", "fr-CA", "ja", "de-CH-1996",
        "sl-rozaj-biske", "en-GB-oed", "i-klingon", "sgn-BE-FR", "zh-min-nan", "x-private", "x-a",
        "en-US-x-twain", "th-TH-u-nu-thai", "en-a-bbb-x-a-ccc", "zh-yue-HK", "EN-us", "qaa-Qaaa-QM-x-southern"})
    void languageTags(String tag) {
        assertTrue(Formats.isLanguageTag(tag), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "en_US", "th_TH", "th TH", "a12345", "a12345678", "en-", "-en", "en--US",
        "toolonglanguage", "zh-z-aaa-z-bbb-c-ccc", "de-1996-1996", "en-something-AU", "s-something",
        "zh-something-ccc", "something", "en-US-", "x", "x-", "x-toolongsubtag", "12", "en-a", "ภาษาไทย"})
    void notLanguageTags(String tag) {
        assertFalse(Formats.isLanguageTag(tag), tag);
    }

    // ------------------------------------------------------------------------------------------ durations

    @ParameterizedTest
    @ValueSource(strings = {"PT1H30M", "P1D", "PT0.5S", "P1W", "P4W", "P0.5W", "P3Y1M29DT4H35M59.14S", "PT16559.14S",
        "PT4H35M59.14S", "P3Y", "P1M", "PT1M", "P1Y2M", "PT0S", "P0D", "PT1,5S", "PT1H0M0S", "PT1H0M0.1S",
        "P1DT12H", "PT36H", "P1Y0.5M"})
    void durations(String duration) {
        assertTrue(Formats.isDuration(duration), duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P1DT", "PT1H30", "P4W1D", "P1Y2W", "P1H", "PT1D", "P1.5Y2M", "PT0.5H1M",
        "PA1H0M0S", "P-1D", "1D", "pt1h", "P0003-02-01T04:05:06", "P1M1Y", "PT1S1M", "PT1H1H", "P1DT1HT1M",
        "P.5D", "P1.D", "PW", "P1.5.5W", "should fail"})
    void notDurations(String duration) {
        assertFalse(Formats.isDuration(duration), duration);
    }

    // ----------------------------------------------------------------------------------------- timestamps

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T13:45:30.123+07:00", "2024-05-01T06:45:30Z", "2024-05-01T06:45:30.123456789Z",
        "2008-09-15T15:53:00.601+00:00", "1776-07-04T16:00:45.123Z", "2024-02-29T00:00:00Z", "2000-02-29T12:00:00Z",
        "2024-05-01T13:45+07:00", "2024-05-01T13:45:30+0700", "2024-05-01T13:45:30+07", "2024-05-01T13:45:30-05:00",
        "2024-05-01t13:45:30z", "20240501T134530Z", "20240501T134530.5+0700", "2016-12-31T23:59:60Z",
        "2024-05-01T13:45:30,5Z", "2024-05-01T23:59:59.999-18:00", "2024-05-01T00:00:00+18:00"})
    void timestampsWithOffset(String timestamp) {
        assertEquals(Formats.TIMESTAMP_OK, Formats.checkTimestamp(timestamp), timestamp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T13:45:30.123", "2024-05-01T13:45:30", "2024-05-01T13:45", "20240501T134530"})
    void timestampsWithoutOffset(String timestamp) {
        assertEquals(Formats.TIMESTAMP_NO_OFFSET, Formats.checkTimestamp(timestamp), timestamp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2008-09-15T15:53:00.601-00", "2008-09-15T15:53:00.601-0000",
        "2008-09-15T15:53:00.601-00:00"})
    void negativeZeroOffsets(String timestamp) {
        assertEquals(Formats.TIMESTAMP_NEGATIVE_ZERO_OFFSET, Formats.checkTimestamp(timestamp), timestamp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "should fail", "01/011/2015", "2024-05-01", "2024-05-01T", "2024-05-01 13:45:30Z",
        "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-00T00:00:00Z", "2024-05-01T24:00:00Z",
        "2024-05-01T13:60:00Z", "2024-05-01T13:45:61Z", "2024-05-01T13:45:30.Z", "2024-05-01T13:45:30ZZ",
        "2024-05-01T13:45:30+7:00", "2024-05-01T13:45:30+07:0", "2024-05-01T13:45:30+19:00",
        "2024-05-01T13:45:30+18:30", "2024-05-01T13:45:30+07:60", "2024-05-01T13:45:30 +07:00",
        "2024-5-01T13:45:30Z", "24-05-01T13:45:30Z", "2024-05-01T1:45:30Z", "2024-05-01T134530Z",
        "20240501T13:45:30Z", "+2024-05-01T13:45:30Z", "2024-05-01T13:45:30+07:00:00", "2024-W18-3T13:45:30Z"})
    void malformedTimestamps(String timestamp) {
        assertEquals(Formats.TIMESTAMP_MALFORMED, Formats.checkTimestamp(timestamp), timestamp);
    }

    // -------------------------------------------------------------------------------------- statement version

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.0.0", "1.0.3", "1.0.9", "1.0.10", "1.0.0-beta.1", "1.0.0+build.5"})
    void versionsAcceptedByBoth(String version) {
        assertTrue(Formats.isAcceptedStatementVersion(version, false), version);
        assertTrue(Formats.isAcceptedStatementVersion(version, true), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "2.0.0", "2.0.1"})
    void versionsAcceptedOnlyBy20(String version) {
        assertFalse(Formats.isAcceptedStatementVersion(version, false), version);
        assertTrue(Formats.isAcceptedStatementVersion(version, true), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0.", "1.1.0", "0.9.9", "0.95", "3.0.0", "2.1.0", "1.0.x", "1.0.0-",
        "1.0.0-be ta", "should fail", "v1.0.0"})
    void versionsRejectedByBoth(String version) {
        assertFalse(Formats.isAcceptedStatementVersion(version, false), version);
        assertFalse(Formats.isAcceptedStatementVersion(version, true), version);
    }
}
