package th.phatthana.api.exports;

import th.phatthana.schema.Glossary;
import th.phatthana.tenants.access.Caller;

/**
 * Where the progress report of a plan comes from. Implementations read with the caller's rights:
 * a plan the caller may not read is {@code ApiException.notFound(Glossary.PLAN, "plan")}, exactly as the GraphQL
 * {@code planProgress} query.
 */
public interface ProgressReportSource {

    ProgressReport report(String planId, int fiscalYear, Caller caller);
}
