package th.phatthana.tenants.tenant;

/** Class of a municipality (เทศบาล); only meaningful for {@link TenantKind#MUNICIPALITY}. */
public enum MunicipalClass {
    /** เทศบาลนคร */
    NAKHON("เทศบาลนคร"),
    /** เทศบาลเมือง */
    MUEANG("เทศบาลเมือง"),
    /** เทศบาลตำบล */
    TAMBON("เทศบาลตำบล");

    private final String thaiName;

    MunicipalClass(String thaiName) {
        this.thaiName = thaiName;
    }

    public String thaiName() {
        return thaiName;
    }
}
