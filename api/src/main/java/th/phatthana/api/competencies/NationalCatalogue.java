package th.phatthana.api.competencies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import th.phatthana.schema.Problem;
import th.phatthana.tenants.staff.PositionType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national catalogue and default requirements as shipped in {@code competencies/*.json}: read once,
 * checked, and held in memory (they only change with a release). The seeder writes them to the store.
 */
@Component
public class NationalCatalogue {

    static final String CATALOGUE = "competencies/national-catalogue.json";
    static final String REQUIREMENTS = "competencies/national-requirements.json";

    /** How many items of each kind the master plan names (§8–§10); a release with other counts does not start. */
    static final Map<CompetencyKind, Integer> EXPECTED_COUNTS = Map.of(CompetencyKind.KNOWLEDGE, 21, CompetencyKind.SKILL, 9,
            CompetencyKind.CORE, 5, CompetencyKind.MANAGERIAL, 4, CompetencyKind.FUNCTIONAL, 22);

    record CatalogueFile(String about, List<ProficiencyLevel> levels, List<Item> items) {
    }

    record Item(String code, CompetencyKind kind, String source, String nameTh, String nameEn) {
    }

    record RequirementsFile(String about, List<PositionTypeEntry> positionTypes, List<LineOfWorkEntry> linesOfWork,
            LinkedHashMap<String, Integer> otherLinesOfWork) {
    }

    record PositionTypeEntry(PositionType positionType, LinkedHashMap<String, Integer> items) {
    }

    record LineOfWorkEntry(String lineOfWork, LinkedHashMap<String, Integer> items) {
    }

    private final List<ProficiencyLevel> levels;
    private final Map<String, Competency> items;
    private final List<Requirement> requirements;

    public NationalCatalogue(JsonMapper json) {
        CatalogueFile catalogue = read(json, CATALOGUE, CatalogueFile.class);
        this.levels = List.copyOf(catalogue.levels());
        checkLevels(levels);
        Map<String, Competency> byCode = new LinkedHashMap<>();
        Map<CompetencyKind, Integer> counts = new EnumMap<>(CompetencyKind.class);
        for (Item item : catalogue.items()) {
            String nameTh = item.nameTh().strip();
            if (item.kind() == CompetencyKind.LOCAL || !item.code().matches(item.kind().codePrefix() + "\\d{2}")) {
                throw new IllegalStateException(CATALOGUE + ": code " + item.code() + " does not fit kind " + item.kind());
            }
            if (byCode.put(item.code(), new Competency(Competency.id(Competency.NATIONAL, item.code()), Competency.NATIONAL,
                    item.code(), item.kind(), item.kind().sortKey(item.code()), nameTh, item.nameEn().strip(), null,
                    item.source(), levels, null, null)) != null) {
                throw new IllegalStateException(CATALOGUE + ": code " + item.code() + " appears twice");
            }
            counts.merge(item.kind(), 1, Integer::sum);
        }
        if (!counts.equals(EXPECTED_COUNTS)) {
            throw new IllegalStateException(CATALOGUE + ": expected " + EXPECTED_COUNTS + " items, found " + counts);
        }
        this.items = Collections.unmodifiableMap(byCode);
        this.requirements = List.copyOf(requirements(read(json, REQUIREMENTS, RequirementsFile.class)));
    }

    /** Every national item in catalogue order. */
    public List<Competency> items() {
        return List.copyOf(items.values());
    }

    public Optional<Competency> find(String code) {
        return Optional.ofNullable(items.get(code));
    }

    /** The generic proficiency scale 0–5. */
    public List<ProficiencyLevel> levels() {
        return levels;
    }

    /** The national default requirements (owner {@link Competency#NATIONAL}). */
    List<Requirement> requirements() {
        return requirements;
    }

    private List<Requirement> requirements(RequirementsFile file) {
        List<Requirement> result = new ArrayList<>();
        for (PositionTypeEntry entry : file.positionTypes()) {
            result.add(Requirement.national(RequirementTarget.positionType(entry.positionType()), levelsOf(entry.items())));
        }
        for (LineOfWorkEntry entry : file.linesOfWork()) {
            result.add(Requirement.national(RequirementTarget.lineOfWork(entry.lineOfWork()), levelsOf(entry.items())));
        }
        result.add(Requirement.national(RequirementTarget.otherLinesOfWork(), levelsOf(file.otherLinesOfWork())));
        for (Requirement requirement : result) {
            List<Problem> problems = RequirementRules.check(requirement.target(), requirement.items(), this::find, items());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(REQUIREMENTS + ": " + requirement.key() + ": " + problems);
            }
        }
        return result;
    }

    private static List<RequiredLevel> levelsOf(Map<String, Integer> items) {
        List<RequiredLevel> levels = new ArrayList<>();
        items.forEach((code, level) -> levels.add(new RequiredLevel(code, level)));
        return levels;
    }

    private static void checkLevels(List<ProficiencyLevel> levels) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).level() != i) {
                throw new IllegalStateException(CATALOGUE + ": levels must be 0 to 5 in order");
            }
        }
        if (levels.size() != ProficiencyLevel.MAX + 1) {
            throw new IllegalStateException(CATALOGUE + ": levels must be 0 to 5");
        }
    }

    private static <T> T read(JsonMapper json, String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
