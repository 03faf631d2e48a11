import type { PlanDiffFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { TableScroll } from '../../ui/components';
import { fieldLabel, valueText } from './diffText';

type Change = { field: string; before?: string | null; after?: string | null };

export interface PlanDiffViewProps {
  /** `Plan.diff(from, to)` (fragment PlanDiffFields). */
  diff: PlanDiffFieldsFragment;
  /** Label of the older revision, e.g. ฉบับแรก (ฉบับที่ใช้บังคับ). */
  fromLabel: string;
  /** Label of the newer revision, e.g. ฉบับปรับปรุง ครั้งที่ 1 (ที่เสนอ). */
  toLabel: string;
  /** Level of the section headings (default 3). */
  headingLevel?: 2 | 3;
}

/**
 * The differences between two revisions side by side: per changed section, each value before (older
 * revision) and after (newer revision); added, removed and changed items are marked in words as well
 * as by colour ([เพิ่มใหม่], [ตัดออก], [แก้ไข]).
 */
export function PlanDiffView({ diff, fromLabel, toLabel, headingLevel = 3 }: PlanDiffViewProps) {
  const { m, f } = useI18n();
  const t = m.review.diff;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';

  if (diff.identical || diff.sections.length === 0) {
    return (
      <div className="plan-diff" data-testid="plan-diff">
        <p>{t.identical}</p>
      </div>
    );
  }

  const changes = (caption: string, rows: Change[], key: string) => (
    <TableScroll label={caption}>
      <table className="diff-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{fromLabel}</th>
            <th scope="col">{toLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${key}/${row.field}`} data-diff-field={row.field}>
              <th scope="row">{fieldLabel(row.field, m, f)}</th>
              <td className="diff-before">
                <del>{valueText(row.before, row.field, m, f)}</del>
              </td>
              <td className="diff-after">
                <ins>{valueText(row.after, row.field, m, f)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <div className="plan-diff" data-testid="plan-diff" aria-label={t.label} role="region">
      <p>{t.summary(diff.sections.map((s) => t.section[s.section] ?? s.section).join(', '))}</p>
      {diff.sections.map((section) => (
        <section key={section.section} className="diff-section" data-diff-section={section.section}>
          <H>{t.section[section.section] ?? section.section}</H>
          {section.fields.length > 0 && changes(`${t.section[section.section]}: ${t.sectionFields}`, section.fields, section.section)}
          {section.items.map((item) => {
            const kind = t.kind[item.change];
            const title = item.title || item.key;
            return (
              <div key={item.key} className={`diff-item diff-${item.change.toLowerCase()}`} data-diff-item={item.key} data-change={item.change}>
                <Sub>
                  <span className="diff-mark">[{kind}]</span> {title}
                </Sub>
                {item.change === 'ADDED' && <p className="diff-note">{t.onlyIn(toLabel)}</p>}
                {item.change === 'REMOVED' && <p className="diff-note">{t.onlyIn(fromLabel)}</p>}
                {item.fields.length > 0 && changes(`${kind}: ${title}`, item.fields, item.key)}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
