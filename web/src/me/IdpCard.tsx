import { useState } from 'react';
import { runGraphQl } from '../api/graphql';
import type { IndividualPlanParty, PersonRecordFieldsFragment } from '../gql/graphql';
import { AgreeIdpMutation } from '../idp/queries';
import { useI18n } from '../i18n/i18n';
import { Badge, errorText, Notice, TableScroll } from '../ui/components';

/**
 * The person's individual development plan on their record: the development chosen, what is done,
 * both agreements, and — for the person themself or their supervisor — agreeing it as themselves
 * (the server decides who may sign for which party).
 */
export function IdpCard({ record, signAs, onAgreed }: {
  record: PersonRecordFieldsFragment;
  signAs: IndividualPlanParty | null;
  onAgreed: () => void;
}) {
  const { m, f } = useI18n();
  const t = m.me;
  const plan = record.individualPlan;
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  if (!plan) {
    return (
      <div className="card" data-testid="idp">
        <p>{t.idpNone}</p>
      </div>
    );
  }
  const agreements = { STAFF_MEMBER: plan.staffAgreement, SUPERVISOR: plan.supervisorAgreement };
  const agree = async (party: IndividualPlanParty) => {
    setWorking(true);
    setProblem(null);
    try {
      const { agreeIndividualPlan } = await runGraphQl(AgreeIdpMutation, { input: { id: plan.id, party } });
      if (agreeIndividualPlan.userErrors.length > 0) {
        setProblem(agreeIndividualPlan.userErrors.map((error) => error.message).join(' '));
      } else {
        onAgreed();
      }
    } catch (error) {
      setProblem(m.app.errorMessage(errorText(error)));
    } finally {
      setWorking(false);
    }
  };
  return (
    <div className="card" data-testid="idp" data-status={plan.status}>
      <h2>{t.idpTitle(f.year(plan.fiscalYear))}</h2>
      <p>
        <Badge tone={plan.status === 'AGREED' ? 'good' : 'warn'}>{plan.status === 'AGREED' ? m.idp.fullyAgreed : m.idp.notAgreed}</Badge>{' '}
        {t.idpDone(f.integer(plan.progress.done), f.integer(plan.progress.items))}
      </p>
      <TableScroll label={t.idpItem}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.idpItem}</th>
              <th scope="col">{t.idpTarget}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.titleTh}</th>
                <td>{item.targetDate ? f.date(item.targetDate) : m.app.none}</td>
                <td>
                  {item.done ? <Badge tone="good">{t.statusDone}</Badge> : item.overdue ? <Badge tone="bad">{t.idpOverdue}</Badge> : t.idpNotDone}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul>
        {(['STAFF_MEMBER', 'SUPERVISOR'] as const).map((party) => (
          <li key={party} data-party={party}>
            {m.idp.party[party]}: {agreements[party] ? m.idp.agreedOn(f.date(agreements[party]!.agreedOn)) : m.idp.notAgreed}
          </li>
        ))}
      </ul>
      {problem && (
        <div role="alert">
          <Notice kind="error">{problem}</Notice>
        </div>
      )}
      {signAs && !agreements[signAs] && plan.items.length > 0 && (
        <button type="button" className="button button-primary" disabled={working} onClick={() => agree(signAs)}>
          {t.idpAgree(m.idp.party[signAs])}
        </button>
      )}
    </div>
  );
}
