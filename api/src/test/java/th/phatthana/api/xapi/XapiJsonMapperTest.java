package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LRS parses and writes statements, agents and document lists with the application's mapper:
 * it must behave as Jackson's defaults do (number formats, unknown or duplicate properties, property
 * order), or xAPI answers would change with the application's JSON settings.
 */
class XapiJsonMapperTest extends IntegrationTest {

    @Autowired
    JsonMapper application;

    @Test
    void theApplicationsMapperHasJacksonsDefaultsWhereJsonTreesAreConcerned() {
        JsonMapper defaults = JsonMapper.builder().build();
        for (DeserializationFeature feature : DeserializationFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (SerializationFeature feature : SerializationFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (MapperFeature feature : MapperFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (JsonNodeFeature feature : JsonNodeFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (StreamReadFeature feature : StreamReadFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (StreamWriteFeature feature : StreamWriteFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (JsonReadFeature feature : JsonReadFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
        for (JsonWriteFeature feature : JsonWriteFeature.values()) {
            assertThat(application.isEnabled(feature)).as(feature.name()).isEqualTo(defaults.isEnabled(feature));
        }
    }

    @Test
    void aStatementRoundTripsAsText() {
        String statement = "{\"id\":\"x\",\"result\":{\"score\":{\"scaled\":0.10,\"raw\":1E+2},\"extensions\":{\"a.b$c\":1.0}},"
                + "\"zeta\":1,\"alpha\":[1,2.50,-0.0]}";
        assertThat(application.writeValueAsString(application.readTree(statement)))
                .isEqualTo(JsonMapper.builder().build().writeValueAsString(JsonMapper.builder().build().readTree(statement)));
    }
}
