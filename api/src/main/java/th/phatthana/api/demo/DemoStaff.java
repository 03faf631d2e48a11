package th.phatthana.api.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import th.phatthana.schema.Outcome;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.staff.StaffRoster;
import th.phatthana.tenants.tenant.Tenant;

/**
 * The demo tenant's divisions and staff: the five divisions of a subdistrict administrative
 * organisation and the 42 people of {@code demo/sangkhom-staff.csv} (a roster in the import
 * format, loaded through the same import), across every personnel type, position type and
 * target group, each with an e-mail identity ({@code mailto:<name>@sangkhom.go.th}) and some
 * with an account on {@code https://elearning.dla.go.th}. The list is fixed, so simulated xAPI
 * statements can name these people; staff numbers run from 6431501-0001 to 6431501-0042.
 */
@Component
public class DemoStaff {

    static final String ROSTER = "demo/sangkhom-staff.csv";
    static final String ELEARNING = "https://elearning.dla.go.th";

    /** Thai and English names, in display order. */
    static final List<String[]> DIVISIONS = List.of(
            new String[] {"สำนักปลัด", "Office of the Chief Administrator"},
            new String[] {"กองคลัง", "Finance Division"},
            new String[] {"กองช่าง", "Public Works Division"},
            new String[] {"กองการศึกษา ศาสนาและวัฒนธรรม", "Education, Religion and Culture Division"},
            new String[] {"กองสาธารณสุขและสิ่งแวดล้อม", "Public Health and Environment Division"});

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final DivisionService divisions;
    private final StaffRoster roster;

    DemoStaff(DivisionService divisions, StaffRoster roster) {
        this.divisions = divisions;
        this.roster = roster;
    }

    public void seed(Tenant tenant) {
        int order = 10;
        for (String[] names : DIVISIONS) {
            Outcome<Division> created = divisions.create(tenant.id(), new DivisionService.Draft(names[0], names[1], order));
            if (!created.accepted()) {
                throw new IllegalStateException("demo division " + names[0] + " refused: " + created.problems());
            }
            order += 10;
        }
        StaffRoster.Result result = roster.importRows(tenant.id(), rows());
        if (!result.accepted()) {
            throw new IllegalStateException("the demo roster was refused: " + result.errors());
        }
        log.info("Demo tenant {}: {} divisions and {} staff members", tenant.nameTh(), DIVISIONS.size(), result.created());
    }

    static List<StaffRoster.Row> rows() {
        try (Reader reader = new InputStreamReader(new ClassPathResource(ROSTER).getInputStream(), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<StaffRoster.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<RosterColumn, String> cells = new EnumMap<>(RosterColumn.class);
                for (String header : parser.getHeaderNames()) {
                    cells.put(RosterColumn.byHeader(header), record.get(header));
                }
                rows.add(new StaffRoster.Row((int) record.getRecordNumber() + 1, cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
