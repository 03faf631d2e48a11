package th.phatthana.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

class GlossaryTest {

    private static final Path CONSOLE_GLOSSARY = Path.of("..", "web", "src", "i18n", "glossary.json");

    /** The console's copy is the Java glossary written out; regenerate it with {@link #json()} when a term changes. */
    @Test
    void theConsoleReadsTheSameTerms() throws java.io.IOException {
        Map<String, String> console = new ObjectMapper().readValue(Files.readString(CONSOLE_GLOSSARY), new TypeReference<>() {
        });
        assertThat(console).containsExactlyEntriesOf(Glossary.terms());
        assertThat(Files.readString(CONSOLE_GLOSSARY)).isEqualTo(json());
    }

    @Test
    void everyTermIsThai() {
        assertThat(Glossary.terms().values()).allSatisfy(term -> assertThat(term).matches(".*\\p{IsThai}.*"));
    }

    @Test
    void versionLabelsAreThai() {
        assertThat(Glossary.versionLabel(0)).isEqualTo("ฉบับแรก");
        assertThat(Glossary.versionLabel(2)).isEqualTo("ฉบับปรับปรุง ครั้งที่ 2");
    }

    @Test
    void aMessageHasBothTexts() {
        assertThatThrownBy(() -> Message.of("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of("ก", " ")).isInstanceOf(IllegalArgumentException.class);
        Message message = Message.of("ต้องระบุ" + Glossary.STAFF_NUMBER, "staffNumber is required");
        assertThat(message.in(null)).isEqualTo("ต้องระบุรหัสบุคลากร");
        assertThat(message.in(Locale.ENGLISH)).isEqualTo("staffNumber is required");
        assertThat(Problem.required("staffNumber").messageTh()).matches(".*\\p{IsThai}.*");
    }

    @Test
    void thaiUnlessTheRequestRanksEnglishFirst() {
        assertThat(Message.languageOf(null)).isEqualTo(Glossary.THAI);
        assertThat(Message.languageOf("en")).isEqualTo(Locale.ENGLISH);
        assertThat(Message.languageOf("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Message.languageOf("th-TH,en;q=0.8")).isEqualTo(Glossary.THAI);
        assertThat(Message.languageOf("fr")).isEqualTo(Glossary.THAI);
        assertThat(Message.languageOf("???")).isEqualTo(Glossary.THAI);
    }

    static String json() {
        StringBuilder json = new StringBuilder("{\n");
        var entries = Glossary.terms().entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            json.append("  \"").append(entry.getKey()).append("\": \"").append(entry.getValue()).append('"')
                    .append(entries.hasNext() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }
}
