package th.phatthana.api.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffFilter;
import th.phatthana.tenants.staff.TargetGroup;
import th.phatthana.tenants.staff.XapiAccount;
import th.phatthana.tenants.staff.XapiIdentity;

/**
 * GraphQL inputs (argument maps, as graphql-java coerced them: enums as names, Date as LocalDate)
 * turned into the tenants module's drafts and filters. In an update, a field left out keeps its
 * value and a field given as null is cleared.
 */
final class StaffInputs {

    private StaffInputs() {
    }

    static StaffDraft create(Map<String, Object> input) {
        Object citizenId = input.get("citizenId");
        return new StaffDraft((String) input.get("staffNumber"), (String) input.get("title"), (String) input.get("firstNameTh"),
                (String) input.get("lastNameTh"), enumOf(PersonnelType::valueOf, input.get("personnelType")),
                (String) input.get("positionTitle"), enumOf(PositionType::valueOf, input.get("positionType")),
                lineOfWork(input.get("lineOfWork")), (String) input.get("level"), (String) input.get("divisionId"),
                (LocalDate) input.get("appointmentDate"), (LocalDate) input.get("probationEndDate"),
                enumOf(EmploymentStatus::valueOf, input.get("status")), identities(input.get("xapiIdentities")),
                citizenId == null ? StaffDraft.CitizenIdChange.KEEP : StaffDraft.CitizenIdChange.set((String) citizenId),
                (String) input.get("supervisorId"));
    }

    /** The existing draft with the fields the input names replaced. */
    static StaffDraft update(StaffDraft existing, Map<String, Object> input) {
        StaffDraft.CitizenIdChange citizenId = !input.containsKey("citizenId") ? StaffDraft.CitizenIdChange.KEEP
                : input.get("citizenId") == null ? StaffDraft.CitizenIdChange.CLEAR
                : StaffDraft.CitizenIdChange.set((String) input.get("citizenId"));
        return new StaffDraft(
                pick(input, "staffNumber", existing.staffNumber(), String.class::cast),
                pick(input, "title", existing.title(), String.class::cast),
                pick(input, "firstNameTh", existing.firstNameTh(), String.class::cast),
                pick(input, "lastNameTh", existing.lastNameTh(), String.class::cast),
                pick(input, "personnelType", existing.personnelType(), v -> PersonnelType.valueOf((String) v)),
                pick(input, "positionTitle", existing.positionTitle(), String.class::cast),
                pick(input, "positionType", existing.positionType(), v -> PositionType.valueOf((String) v)),
                pick(input, "lineOfWork", existing.lineOfWork(), StaffInputs::lineOfWork),
                pick(input, "level", existing.level(), String.class::cast),
                pick(input, "divisionId", existing.divisionId(), String.class::cast),
                pick(input, "appointmentDate", existing.appointmentDate(), LocalDate.class::cast),
                pick(input, "probationEndDate", existing.probationEndDate(), LocalDate.class::cast),
                pick(input, "status", existing.status(), v -> EmploymentStatus.valueOf((String) v)),
                pick(input, "xapiIdentities", existing.xapiIdentities(), StaffInputs::identities),
                citizenId,
                pick(input, "supervisorId", existing.supervisorId(), String.class::cast));
    }

    @SuppressWarnings("unchecked")
    static StaffFilter filter(Map<String, Object> filter) {
        if (filter == null) {
            return StaffFilter.NONE;
        }
        return new StaffFilter(enumOf(TargetGroup::valueOf, filter.get("targetGroup")),
                enumOf(TargetGroup::valueOf, filter.get("primaryTargetGroup")), (LocalDate) filter.get("asOf"),
                (String) filter.get("divisionId"), enums(PositionType::valueOf, filter.get("positionType")),
                (String) filter.get("lineOfWork"), enums(PersonnelType::valueOf, filter.get("personnelType")),
                (String) filter.get("nameSearch"), enums(EmploymentStatus::valueOf, filter.get("status")));
    }

    @SuppressWarnings("unchecked")
    static XapiIdentity identity(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> identity = (Map<String, Object>) map;
        XapiAccount account = null;
        if (identity.get("account") instanceof Map<?, ?> accountMap) {
            account = new XapiAccount((String) accountMap.get("homePage"), (String) accountMap.get("name"));
        }
        return new XapiIdentity((String) identity.get("mbox"), (String) identity.get("mboxSha1sum"), (String) identity.get("openid"),
                account);
    }

    private static List<XapiIdentity> identities(Object value) {
        List<XapiIdentity> identities = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                identities.add(identity(item));
            }
        }
        return identities;
    }

    private static LineOfWork lineOfWork(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        return new LineOfWork((String) map.get("code"), (String) map.get("nameTh"));
    }

    private static <T> T pick(Map<String, Object> input, String field, T existing, Function<Object, T> convert) {
        if (!input.containsKey(field)) {
            return existing;
        }
        Object value = input.get(field);
        return value == null ? null : convert.apply(value);
    }

    private static <E> E enumOf(Function<String, E> valueOf, Object value) {
        return value == null ? null : valueOf.apply(value.toString());
    }

    private static <E> List<E> enums(Function<String, E> valueOf, Object value) {
        List<E> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> values.add(valueOf.apply(item.toString())));
        } else if (value != null) {
            values.add(valueOf.apply(value.toString()));
        }
        return values;
    }
}
