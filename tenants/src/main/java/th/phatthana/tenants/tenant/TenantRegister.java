package th.phatthana.tenants.tenant;

import th.phatthana.schema.Glossary;
import th.phatthana.schema.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import th.phatthana.tenants.text.Text;

/**
 * The national register of local organisations: imported whole or not at all. Every row is
 * checked before anything is written; existing codes are updated, new ones created.
 */
@Service
public class TenantRegister {

    private final MongoTemplate mongo;
    private final TenantRepository tenants;
    private final Clock clock;

    public TenantRegister(MongoTemplate mongo, TenantRepository tenants, Clock clock) {
        this.mongo = mongo;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** One row of a register file, as text. */
    public record Entry(int row, String code, String nameTh, String nameEn, String kind, String municipalClass, String province,
            String district) {
    }

    public record RowError(int row, String column, Message text) {

        public RowError(int row, String column, String th, String en) {
            this(row, column, Message.of(th, en));
        }

        /** The English text (logs, older callers). */
        public String message() {
            return text.en();
        }

        public String message(java.util.Locale locale) {
            return text.in(locale);
        }
    }

    public record Outcome(List<RowError> errors, int created, int updated) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    public Outcome importAll(List<Entry> entries) {
        List<RowError> errors = new ArrayList<>();
        List<Tenant> parsed = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (entries.isEmpty()) {
            errors.add(new RowError(1, "", "ไฟล์ไม่มีแถวข้อมูล", "the file has no data rows"));
        }
        for (Entry entry : entries) {
            int before = errors.size();
            if (!entry.code().matches("[0-9A-Za-z-]{3,20}")) {
                errors.add(new RowError(entry.row(), "code", "รหัสหน่วยงานต้องเป็นตัวอักษร ตัวเลข หรือ '-' 3–20 ตัว", "must be 3–20 letters, digits or '-'"));
            } else if (!codes.add(entry.code())) {
                errors.add(new RowError(entry.row(), "code", "รหัส " + entry.code() + " ซ้ำกันในไฟล์", "code " + entry.code() + " appears more than once in the file"));
            }
            require(entry.row(), "nameTh", entry.nameTh(), errors);
            require(entry.row(), "province", entry.province(), errors);
            require(entry.row(), "district", entry.district(), errors);
            TenantKind kind = parseKind(entry.kind());
            if (kind == null) {
                errors.add(new RowError(entry.row(), "kind", "ต้องเป็น อบจ. (PAO), เทศบาล (MUNICIPALITY), อบต. (SAO) หรือ เมืองพัทยา (PATTAYA)", "must be PAO/อบจ., MUNICIPALITY/เทศบาล, SAO/อบต. or PATTAYA/เมืองพัทยา"));
            }
            MunicipalClass municipalClass = null;
            if (!entry.municipalClass().isBlank()) {
                municipalClass = parseClass(entry.municipalClass());
                if (municipalClass == null) {
                    errors.add(new RowError(entry.row(), "municipalClass", "ต้องเป็น นคร (NAKHON), เมือง (MUEANG) หรือ ตำบล (TAMBON)", "must be NAKHON/นคร, MUEANG/เมือง or TAMBON/ตำบล"));
                }
            }
            if (kind == TenantKind.MUNICIPALITY && municipalClass == null && entry.municipalClass().isBlank()) {
                errors.add(new RowError(entry.row(), "municipalClass", "เทศบาลต้องระบุประเภท (นคร เมือง หรือ ตำบล)", "a municipality needs its class"));
            }
            if (kind != null && kind != TenantKind.MUNICIPALITY && municipalClass != null) {
                errors.add(new RowError(entry.row(), "municipalClass", "ระบุประเภทได้เฉพาะเทศบาล", "only a municipality has a class"));
            }
            if (errors.size() == before) {
                parsed.add(new Tenant(null, entry.code(), entry.nameTh(), Text.blankToNull(entry.nameEn()), kind, municipalClass,
                        entry.province(), entry.district(), TenantStatus.ACTIVE, null, ErasurePolicy.DEFAULT));
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors, 0, 0);
        }
        Map<String, Tenant> existing = new HashMap<>();
        for (Tenant tenant : mongo.find(Query.query(Criteria.where("code").in(codes)), Tenant.class)) {
            existing.put(tenant.code(), tenant);
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Tenant.class);
        int created = 0;
        int updated = 0;
        Instant now = clock.instant();
        for (Tenant row : parsed) {
            Tenant old = existing.get(row.code());
            if (old == null) {
                bulk.insert(new Tenant(UUID.randomUUID().toString(), row.code(), row.nameTh(), row.nameEn(), row.kind(),
                        row.municipalClass(), row.province(), row.district(), TenantStatus.ACTIVE, now, ErasurePolicy.DEFAULT));
                created++;
            } else {
                bulk.replaceOne(Query.query(Criteria.where("_id").is(old.id())), new Tenant(old.id(), old.code(), row.nameTh(),
                        row.nameEn(), row.kind(), row.municipalClass(), row.province(), row.district(), old.status(), old.createdAt(),
                        old.erasurePolicy()));
                updated++;
            }
        }
        bulk.execute();
        return new Outcome(List.of(), created, updated);
    }

    private static void require(int row, String column, String value, List<RowError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new RowError(row, column, "ต้องระบุ", "is required"));
        }
    }

    public static TenantKind parseKind(String text) {
        String value = text == null ? "" : text.trim();
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "PAO", "อบจ.", "อบจ", "องค์การบริหารส่วนจังหวัด" -> TenantKind.PAO;
            case "MUNICIPALITY", "เทศบาล" -> TenantKind.MUNICIPALITY;
            case "SAO", "อบต.", "อบต", "องค์การบริหารส่วนตำบล" -> TenantKind.SAO;
            case "PATTAYA", "เมืองพัทยา" -> TenantKind.PATTAYA;
            default -> null;
        };
    }

    public static MunicipalClass parseClass(String text) {
        String value = text == null ? "" : text.trim();
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "NAKHON", "นคร", "เทศบาลนคร" -> MunicipalClass.NAKHON;
            case "MUEANG", "เมือง", "เทศบาลเมือง" -> MunicipalClass.MUEANG;
            case "TAMBON", "ตำบล", "เทศบาลตำบล" -> MunicipalClass.TAMBON;
            default -> null;
        };
    }

    public long count() {
        return tenants.count();
    }
}
