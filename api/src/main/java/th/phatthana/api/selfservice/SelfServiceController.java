package th.phatthana.api.selfservice;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.api.access.Callers;
import th.phatthana.api.selfservice.DevelopmentRecords.PersonRecord;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.staff.Staff;

/** Self-service reads (schema selfservice.graphqls): the caller's own record, a readable person's, a supervisor's reports. */
@Controller
class SelfServiceController {

    record PersonSummary(String staffId, String name, String positionTitle) {
    }

    private final PersonAccess access;
    private final DevelopmentRecords records;

    SelfServiceController(PersonAccess access, DevelopmentRecords records) {
        this.access = access;
        this.records = records;
    }

    @QueryMapping
    PersonRecord myRecord(@ContextValue Caller caller) {
        return access.own(caller).map(member -> records.of(member, caller)).orElse(null);
    }

    @QueryMapping
    PersonRecord personRecord(@Argument String staffId, @ContextValue Caller caller) {
        Staff member = access.readable(caller, staffId);
        return records.of(member, caller);
    }

    @QueryMapping
    List<PersonSummary> myReports(@ContextValue Caller caller) {
        Callers.require(caller);
        return access.reports(caller).stream().map(s -> new PersonSummary(s.id(), s.fullNameTh(), s.positionTitle())).toList();
    }
}
