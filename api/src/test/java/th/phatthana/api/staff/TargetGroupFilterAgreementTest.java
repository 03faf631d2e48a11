package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffFilter;
import th.phatthana.tenants.staff.StaffRoster;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.TargetGroup;
import th.phatthana.tenants.staff.TargetGroups;
import th.phatthana.tenants.tenant.Tenant;

/**
 * The database filter on target groups selects exactly the staff the Java rules put in them, for
 * every personnel type, position, line of work, probation and appointment around the boundaries.
 */
class TargetGroupFilterAgreementTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    StaffRoster roster;

    @Autowired
    StaffService staff;

    @Test
    void filtersAgreeWithTheRulesOnEveryBoundary() {
        Tenant tenant = tenants.tenant("อบต.ตรวจกฎ");
        List<String> appointments = List.of("2022-02-28", "2022-03-01", "2024-02-28", "2024-02-29", "2024-03-01", "2026-03-02");
        List<String> probations = List.of("", "2024-02-29", "2026-02-28", "2026-03-01");
        List<String[]> positions = List.of(new String[] {"", ""}, new String[] {"EXECUTIVE", "นักบริหารงานท้องถิ่น"},
                new String[] {"DIRECTOR", "นักบริหารงานการคลัง"}, new String[] {"", "หัวหน้าศูนย์ พัฒนาเด็กเล็ก"},
                new String[] {"ACADEMIC", "ผู้บริหารสถานศึกษา"}, new String[] {"GENERAL", "ครู"});
        List<String> types = List.of("LOCAL_OFFICIAL", "TEACHER", "PERMANENT_EMPLOYEE", "CONTRACT_EMPLOYEE");
        List<StaffRoster.Row> rows = new ArrayList<>();
        int n = 0;
        for (String type : types) {
            for (String appointed : appointments) {
                for (String probation : probations) {
                    if (!probation.isEmpty() && probation.compareTo(appointed) < 0) {
                        continue;
                    }
                    for (String[] position : positions) {
                        n++;
                        Map<RosterColumn, String> cells = new EnumMap<>(RosterColumn.class);
                        cells.put(RosterColumn.STAFF_NUMBER, String.format("G%04d", n));
                        cells.put(RosterColumn.FIRST_NAME, "ชื่อ" + n);
                        cells.put(RosterColumn.LAST_NAME, "สกุล");
                        cells.put(RosterColumn.PERSONNEL_TYPE, type);
                        cells.put(RosterColumn.POSITION_TITLE, "ตำแหน่ง");
                        cells.put(RosterColumn.POSITION_TYPE, position[0]);
                        cells.put(RosterColumn.LINE_OF_WORK, position[1]);
                        cells.put(RosterColumn.APPOINTMENT_DATE, appointed);
                        cells.put(RosterColumn.PROBATION_END_DATE, probation);
                        rows.add(new StaffRoster.Row(n + 1, cells));
                    }
                }
            }
        }
        StaffRoster.Result result = roster.importRows(tenant.id(), rows);
        assertThat(result.errors()).isEmpty();
        List<Staff> everyone = staff.all(tenant.id());
        assertThat(everyone).hasSize(rows.size());

        Set<LocalDate> dates = new TreeSet<>();
        for (String day : List.of("2022-02-28", "2024-02-28", "2024-02-29", "2024-03-01", "2026-02-27", "2026-02-28", "2026-03-01",
                "2026-03-02", "2026-03-03", "2028-02-29", "2028-03-01", "2021-01-01")) {
            dates.add(LocalDate.parse(day));
        }
        for (LocalDate asOf : dates) {
            for (TargetGroup group : TargetGroup.values()) {
                Set<String> expected = everyone.stream().filter(s -> TargetGroups.of(s, asOf).all().contains(group))
                        .map(Staff::staffNumber).collect(Collectors.toCollection(TreeSet::new));
                Set<String> expectedPrimary = everyone.stream().filter(s -> TargetGroups.of(s, asOf).primary() == group)
                        .map(Staff::staffNumber).collect(Collectors.toCollection(TreeSet::new));
                assertThat(numbers(tenant, new StaffFilter(group, null, asOf, null, null, null, null, null, null)))
                        .as("%s as of %s", group, asOf).isEqualTo(expected);
                assertThat(numbers(tenant, new StaffFilter(null, group, asOf, null, null, null, null, null, null)))
                        .as("primary %s as of %s", group, asOf).isEqualTo(expectedPrimary);
            }
        }
    }

    private Set<String> numbers(Tenant tenant, StaffFilter filter) {
        return staff.list(tenant.id(), filter, null, 10_000).staff().stream().map(Staff::staffNumber)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
