import { useState } from 'react';
import { runGraphQl } from '../api/graphql';
import type { CompetencyRequirementsQuery as Result } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, errorText, Loading, Notice, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { AdoptRequirement, CompetencyRequirementsQuery } from './queries';

type Requirement = Result['competencyRequirements'][number];

/** The requirements in effect: per position type and line of work, whose they are; TENANT_ADMIN adopts a default as own. */
export function Requirements({ editable }: { editable: boolean }) {
  const { m, f } = useI18n();
  const c = m.competencies;
  const list = useAsync(() => runGraphQl(CompetencyRequirementsQuery), []);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const targetOf = (r: Requirement): string =>
    r.scope === 'POSITION_TYPE'
      ? c.scope.POSITION_TYPE(r.positionType ? m.enums.positionType[r.positionType] : '')
      : r.scope === 'LINE_OF_WORK'
        ? c.scope.LINE_OF_WORK(r.lineOfWork ?? '')
        : c.scope.OTHER_LINES_OF_WORK;

  const adopt = async (r: Requirement) => {
    setWorking(true);
    setDone(null);
    setProblem(null);
    try {
      const { adoptRequirement } = await runGraphQl(AdoptRequirement, {
        input: { scope: r.scope, positionType: r.positionType ?? null, lineOfWork: r.lineOfWork ?? null },
      });
      if (adoptRequirement.userErrors.length > 0) {
        setProblem(adoptRequirement.userErrors.map((e) => e.message).join('; '));
      } else {
        setDone(c.adopted(targetOf(r)));
        list.reload();
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <p className="muted">{c.requirementsIntro}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <TableScroll label={c.tabs.requirements}>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.target}</th>
                <th scope="col">{c.items}</th>
                <th scope="col">{c.source}</th>
                {editable && <th scope="col">{c.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.competencyRequirements.map((r) => {
                const target = targetOf(r);
                return (
                  <tr key={`${r.scope}:${r.positionType ?? ''}:${r.lineOfWork ?? ''}`}>
                    <th scope="row">{target}</th>
                    <td>
                      <ul className="requirement-items">
                        {r.items.map((item) => (
                          <li key={item.competency.code}>{c.level(item.competency.code, item.competency.nameTh, f.integer(item.level))}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <Badge tone={r.source === 'ORGANISATION' ? 'good' : r.source === 'SUGGESTED' ? 'warn' : 'neutral'}>{r.sourceLabel}</Badge>
                      {r.updatedAt && (
                        <span className="hint competency-en">
                          {c.updated_} {f.dateTime(r.updatedAt)}
                          {r.updatedBy ? ` · ${r.updatedBy}` : ''}
                        </span>
                      )}
                    </td>
                    {editable && (
                      <td>
                        {r.source !== 'ORGANISATION' && (
                          <button type="button" className="button" disabled={working} onClick={() => adopt(r)} aria-label={c.adoptLabel(target)}>
                            {c.adopt}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
