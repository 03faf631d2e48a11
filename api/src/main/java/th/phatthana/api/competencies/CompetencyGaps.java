package th.phatthana.api.competencies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.TargetGroup;

/**
 * Competency gaps: what staff are required to have against their latest assessments, per staff member and
 * summed per division or target group. Reads the staff register through {@link StaffService}.
 */
@Service
public class CompetencyGaps {

    /** Target groups in the master plan's numbering (§4.2 (๑)–(๔)), the order of summaries. */
    static final List<TargetGroup> TARGET_GROUP_ORDER = List.of(TargetGroup.NEWLY_APPOINTED, TargetGroup.EXPERIENCED,
            TargetGroup.DIRECTOR_LEVEL, TargetGroup.EXECUTIVE);

    /** The group key of staff without a (known) division. */
    private static final Object NO_DIVISION = new Object();

    private final CompetencyCatalogue catalogue;
    private final CompetencyRequirements requirements;
    private final AssessmentService assessments;
    private final StaffService staff;
    private final DivisionService divisions;

    CompetencyGaps(CompetencyCatalogue catalogue, CompetencyRequirements requirements, AssessmentService assessments,
            StaffService staff, DivisionService divisions) {
        this.catalogue = catalogue;
        this.requirements = requirements;
        this.assessments = assessments;
        this.staff = staff;
        this.divisions = divisions;
    }

    /** How a staff member stands against one required item. */
    public record Gap(Competency competency, int requiredLevel, int assessedLevel, boolean assessed, LocalDate assessedOn) {
        public int gap() {
            return Math.max(0, requiredLevel - assessedLevel);
        }
    }

    /** A staff member's standing against everything required of them. */
    public record StaffGaps(Staff staff, LocalDate asOf, PositionType positionType, String lineOfWork, List<Gap> required) {
        public String staffId() {
            return staff.id();
        }

        public List<Gap> gaps() {
            return required.stream().filter(g -> g.gap() > 0).toList();
        }

        public int totalGap() {
            return required.stream().mapToInt(Gap::gap).sum();
        }
    }

    /** How a group stands against one item. */
    public record GapCount(Competency competency, int staffRequired, int staffWithGap, int totalGap) {
        public double averageGap() {
            return staffWithGap == 0 ? 0 : (double) totalGap / staffWithGap;
        }
    }

    /** One group of a summary: a division (null: staff without one) or a target group. */
    public record GapGroup(Division division, TargetGroup targetGroup, int staffCount, int staffWithGaps, List<GapCount> competencies) {
    }

    public enum Grouping {
        DIVISION, TARGET_GROUP
    }

    public StaffGaps of(Staff member, LocalDate asOf) {
        return of(member.tenantId(), List.of(member), asOf).get(member.id());
    }

    /** The gaps of several staff members of one organisation as of one date, by staff id (three reads in all). */
    public Map<String, StaffGaps> of(String tenantId, Collection<Staff> members, LocalDate asOf) {
        Context context = new Context(tenantId);
        Map<String, Map<String, Assessment>> latest = assessments.latest(tenantId, members.stream().map(Staff::id).toList(), asOf);
        Map<String, StaffGaps> result = new LinkedHashMap<>();
        for (Staff member : members) {
            if (!tenantId.equals(member.tenantId())) {
                throw new IllegalArgumentException("staff member " + member.id() + " is not of organisation " + tenantId);
            }
            result.put(member.id(), context.gaps(member, asOf, latest.getOrDefault(member.id(), Map.of())));
        }
        return result;
    }

    /**
     * The gaps of the organisation's current staff (working, on leave or suspended) appointed by {@code asOf},
     * grouped. By division: every division in display order, then staff without a division (when any). By target
     * group: the four groups in §4.2 order, each staff member counted in their primary group as of {@code asOf}.
     */
    public List<GapGroup> summary(String tenantId, Grouping grouping, LocalDate asOf) {
        List<Staff> members = staff.all(tenantId).stream()
                .filter(s -> s.status() != null && s.status().current())
                .filter(s -> s.appointmentDate() == null || !s.appointmentDate().isAfter(asOf))
                .toList();
        Map<String, StaffGaps> gapsOf = of(tenantId, members, asOf);
        Map<Object, List<StaffGaps>> groups = new LinkedHashMap<>();
        Map<Object, Division> divisionOf = new LinkedHashMap<>();
        if (grouping == Grouping.DIVISION) {
            for (Division division : divisions.list(tenantId)) {
                groups.put(division.id(), new ArrayList<>());
                divisionOf.put(division.id(), division);
            }
        } else {
            TARGET_GROUP_ORDER.forEach(group -> groups.put(group, new ArrayList<>()));
        }
        for (Staff member : members) {
            Object key;
            if (grouping == Grouping.DIVISION) {
                key = member.divisionId() != null && groups.containsKey(member.divisionId()) ? member.divisionId() : NO_DIVISION;
            } else {
                key = member.targetGroups(asOf).primary();
                if (key == null) {
                    continue;
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(gapsOf.get(member.id()));
        }
        List<GapGroup> result = new ArrayList<>();
        groups.forEach((key, staffGaps) -> result.add(group(divisionOf.get(key), key instanceof TargetGroup t ? t : null, staffGaps)));
        return result;
    }

    private static GapGroup group(Division division, TargetGroup targetGroup, List<StaffGaps> members) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Competency> items = new LinkedHashMap<>();
        for (StaffGaps member : members) {
            for (Gap gap : member.required()) {
                items.putIfAbsent(gap.competency().code(), gap.competency());
                int[] count = counts.computeIfAbsent(gap.competency().code(), k -> new int[3]);
                count[0]++;
                if (gap.gap() > 0) {
                    count[1]++;
                    count[2] += gap.gap();
                }
            }
        }
        List<GapCount> competencies = items.values().stream().sorted(Comparator.comparing(Competency::sortKey))
                .map(c -> {
                    int[] count = counts.get(c.code());
                    return new GapCount(c, count[0], count[1], count[2]);
                }).toList();
        int withGaps = (int) members.stream().filter(m -> m.totalGap() > 0).count();
        return new GapGroup(division, targetGroup, members.size(), withGaps, competencies);
    }

    /** The organisation's requirements and local items, read once for any number of staff. */
    private final class Context {

        private final CompetencyRequirements.Effective effective;
        private final Map<String, Competency> locals;

        Context(String tenantId) {
            this.effective = requirements.forTenant(tenantId);
            this.locals = catalogue.localItems(tenantId).stream().collect(Collectors.toMap(Competency::code, Function.identity()));
        }

        StaffGaps gaps(Staff member, LocalDate asOf, Map<String, Assessment> latest) {
            String line = member.lineOfWork() == null ? null : member.lineOfWork().nameTh();
            List<Gap> required = new ArrayList<>();
            for (RequiredLevel item : effective.requiredFor(member.positionType(), line)) {
                Optional<Competency> competency = Optional.ofNullable(locals.get(item.code())).or(() -> catalogue.find(null, item.code()));
                if (competency.isEmpty()) {
                    continue;
                }
                Assessment assessment = latest.get(item.code());
                required.add(new Gap(competency.get(), item.level(), assessment == null ? 0 : assessment.level(), assessment != null,
                        assessment == null ? null : assessment.assessedDate()));
            }
            required.sort(Comparator.comparing(g -> g.competency().sortKey()));
            return new StaffGaps(member, asOf, member.positionType(), line, List.copyOf(required));
        }
    }
}
