import { PlanDocumentButtons } from '../../dashboard/PlanDocumentButtons';
import type { PlanHistoryFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { nodes } from '../../ui/connections';
import { TableScroll } from '../../ui/components';

export interface PlanHistoryProps {
  /** The plan's versions, open draft and audit trail (fragment PlanHistoryFields). */
  plan: PlanHistoryFieldsFragment;
  /** Level of the two headings (default 2). */
  headingLevel?: 2 | 3;
}

/**
 * The plan's approved versions (ฉบับแรก, ฉบับปรับปรุง ครั้งที่ N) with their approval and a PDF/Word
 * download each, the open draft if any, then who did what and when (the audit trail, newest first).
 */
export function PlanHistory({ plan, headingLevel = 2 }: PlanHistoryProps) {
  const { m, f, language } = useI18n();
  const h = m.review.history;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const events = nodes(plan.auditTrail);
  const rows = [
    ...plan.versions.map((version) => ({ ...version, draft: false })),
    ...(plan.draft ? [{ ...plan.draft, effectiveFrom: null, approval: null, draft: true }] : []),
  ];

  return (
    <div className="plan-history">
      <section data-testid="plan-versions">
        <H>{h.versions}</H>
        {rows.length === 0 ? (
          <p>{h.noVersions}</p>
        ) : (
          <TableScroll label={h.versions}>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">{h.number}</th>
                  <th scope="col">{h.version}</th>
                  <th scope="col">{h.approval}</th>
                  <th scope="col">{h.effectiveFrom}</th>
                  <th scope="col">{h.document}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((version) => (
                  <tr key={version.number} data-version={version.number}>
                    <td className="num">{f.integer(version.number)}</td>
                    <th scope="row">
                      {version.draft ? `${version.label} · ${h.draft(m.review.revisionStatus[version.status] ?? version.status)}` : version.label}
                    </th>
                    <td>
                      {version.approval?.resolutionNumber && version.approval.resolutionDate
                        ? h.approvedBy(version.approval.resolutionNumber, f.date(version.approval.resolutionDate))
                        : h.notApproved}
                    </td>
                    <td>{version.effectiveFrom ? f.date(version.effectiveFrom) : m.app.none}</td>
                    <td>
                      <PlanDocumentButtons planId={plan.id} version={version.number} label={version.label} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section data-testid="plan-audit-trail">
        <H>{h.trail}</H>
        {events.length === 0 ? (
          <p>{h.noTrail}</p>
        ) : (
          <TableScroll label={h.trail}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{h.when}</th>
                  <th scope="col">{h.who}</th>
                  <th scope="col">{h.what}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} data-action={event.action}>
                    <td>{f.dateTime(event.at)}</td>
                    <td>{event.actor.name}</td>
                    <td>
                      {/* the recorded summary is English; a Thai reader gets the action and the version in Thai */}
                      <strong>{h.action[event.action]}</strong> · {h.revision(event.revision)}
                      {language === 'en' && <span> — {event.summary}</span>}
                      {event.changes.length > 0 && <span className="hint"> ({h.changes(f.integer(event.changes.length))})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
