package th.phatthana.api.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import th.phatthana.tenants.staff.PositionType;

/**
 * The national catalogue as shipped, against the master plan's own words: a copy of §8–§10 of the seed
 * is a test resource, so the check runs without anything outside the repository.
 */
class NationalCatalogueTest {

    static final String EXCERPT = "competencies/master-plan-sections-8-10.th.txt";
    static final String SEED = "shared/seed/master-plan-2567-2569.th.txt";

    private final NationalCatalogue catalogue = new NationalCatalogue(tools.jackson.databind.json.JsonMapper.builder().build());

    static String excerpt() throws IOException {
        try (InputStream in = NationalCatalogueTest.class.getClassLoader().getResourceAsStream(EXCERPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCatalogueHasTheMasterPlansCountsWithCodesInSequence() {
        Map<CompetencyKind, List<String>> codes = catalogue.items().stream()
                .collect(Collectors.groupingBy(Competency::kind, () -> new EnumMap<>(CompetencyKind.class),
                        Collectors.mapping(Competency::code, Collectors.toList())));
        assertThat(codes.get(CompetencyKind.KNOWLEDGE)).hasSize(21).startsWith("K01").endsWith("K21");
        assertThat(codes.get(CompetencyKind.SKILL)).hasSize(9).startsWith("S01").endsWith("S09");
        assertThat(codes.get(CompetencyKind.CORE)).containsExactly("C01", "C02", "C03", "C04", "C05");
        assertThat(codes.get(CompetencyKind.MANAGERIAL)).containsExactly("M01", "M02", "M03", "M04");
        assertThat(codes.get(CompetencyKind.FUNCTIONAL)).hasSize(22).startsWith("F01").endsWith("F22");
        assertThat(codes).doesNotContainKey(CompetencyKind.LOCAL);
        codes.forEach((kind, list) -> {
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i)).isEqualTo(kind.codePrefix() + String.format("%02d", i + 1));
            }
        });
        assertThat(catalogue.items()).allSatisfy(item -> {
            assertThat(item.nameEn()).isNotBlank();
            assertThat(item.levels()).extracting(ProficiencyLevel::level).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(item.isNational()).isTrue();
        });
    }

    @Test
    void everyThaiNameIsTheMasterPlansOwnWordsInItsOrder() throws IOException {
        String seed = excerpt();
        String knowledge = seed.substring(seed.indexOf("๘. ความรู้"), seed.indexOf("๙. ทักษะ"));
        String skills = seed.substring(seed.indexOf("๙. ทักษะ"), seed.indexOf("๑๐. สมรรถนะ"));
        String core = seed.substring(seed.indexOf("(๑) สมรรถนะหลัก"), seed.indexOf("(๒) สมรรถนะประจำผู้บริหาร"));
        String managerial = seed.substring(seed.indexOf("(๒) สมรรถนะประจำผู้บริหาร"), seed.indexOf("(๓) สมรรถนะประจำสายงาน"));
        String functional = seed.substring(seed.indexOf("(๓) สมรรถนะประจำสายงาน"));
        Map<CompetencyKind, String> sections = Map.of(CompetencyKind.KNOWLEDGE, knowledge, CompetencyKind.SKILL, skills,
                CompetencyKind.CORE, core, CompetencyKind.MANAGERIAL, managerial, CompetencyKind.FUNCTIONAL, functional);
        Map<CompetencyKind, Integer> last = new EnumMap<>(CompetencyKind.class);
        for (Competency item : catalogue.items()) {
            assertThat(item.nameTh()).as(item.code()).isEqualTo(item.nameTh().strip()).doesNotContain("  ");
            String section = sections.get(item.kind());
            int at = indexOfItem(section, item);
            assertThat(at).as(item.code() + " " + item.nameTh() + " in its section of the master plan").isGreaterThan(-1);
            assertThat(at).as(item.code() + " comes after the item before it").isGreaterThan(last.getOrDefault(item.kind(), -1));
            last.put(item.kind(), at);
        }
    }

    /** Where the item's numbered entry (e.g. "๓) การแก้ไขปัญหา…") stands in its section: names that are prefixes of others still match exactly. */
    private static int indexOfItem(String section, Competency item) {
        int number = Integer.parseInt(item.code().substring(1));
        String marker = thaiDigits(number) + ") " + item.nameTh();
        int at = section.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        int end = at + marker.length();
        boolean wholeName = end == section.length() || Character.isWhitespace(section.charAt(end));
        return wholeName ? at : -1;
    }

    private static String thaiDigits(int number) {
        StringBuilder digits = new StringBuilder();
        for (char c : String.valueOf(number).toCharArray()) {
            digits.append((char) ('๐' + (c - '0')));
        }
        return digits.toString();
    }

    @Test
    void theExcerptIsVerbatimFromTheSharedSeedWhereItIsCheckedOutBeside() throws IOException {
        Optional<Path> seed = findSeed();
        Assumptions.assumeTrue(seed.isPresent(), "../shared/seed is not beside the repository");
        String full = Files.readString(seed.get(), StandardCharsets.UTF_8);
        assertThat(full).contains(excerpt().strip());
    }

    @Test
    void nationalDefaultsKeepTheRulesOfSection10() {
        List<Requirement> defaults = catalogue.requirements();
        for (PositionType type : PositionType.values()) {
            Requirement requirement = defaults.stream().filter(r -> r.positionType() == type).findFirst().orElseThrow();
            List<String> codes = requirement.items().stream().map(RequiredLevel::code).toList();
            assertThat(codes).as(type.name()).contains("C01", "C02", "C03", "C04", "C05");
            if (type == PositionType.EXECUTIVE || type == PositionType.DIRECTOR) {
                assertThat(codes).as(type.name()).contains("M01", "M02", "M03", "M04");
            } else {
                assertThat(codes).as(type.name()).noneMatch(code -> code.startsWith("M"));
            }
        }
        List<Requirement> lines = defaults.stream().filter(r -> r.scope() != RequirementScope.POSITION_TYPE).toList();
        assertThat(lines.stream().filter(r -> r.scope() == RequirementScope.LINE_OF_WORK).map(Requirement::lineOfWork))
                .contains("นักทรัพยากรบุคคล", "นักวิเคราะห์นโยบายและแผน", "นักวิชาการเงินและบัญชี", "นายช่างโยธา", "ครู",
                        "นักพัฒนาชุมชน", "เจ้าพนักงานธุรการ");
        assertThat(lines).anyMatch(r -> r.scope() == RequirementScope.OTHER_LINES_OF_WORK);
        assertThat(lines).allSatisfy(r -> assertThat(r.items().stream().filter(i -> i.code().startsWith("F")).count())
                .as(String.valueOf(r.lineOfWork())).isGreaterThanOrEqualTo(3));
        assertThat(defaults).allSatisfy(r -> assertThat(r.items()).allSatisfy(i -> assertThat(i.level()).isBetween(1, 5)));
    }

    private static Optional<Path> findSeed() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SEED);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
