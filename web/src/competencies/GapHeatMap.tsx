import { useId, useState } from 'react';
import { runGraphQl } from '../api/graphql';
import type { CompetencyGapGrouping } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { BANDS, heatMap } from './heatmap';
import { GapSummaryQuery } from './queries';

/**
 * competencyGapSummary as a heat map: a row per group, a column per required item, each cell
 * "falling short / required (percent)" coloured by that share, with a legend; the figure is always written.
 */
export function GapHeatMap() {
  const { m, f } = useI18n();
  const c = m.competencies;
  const [groupBy, setGroupBy] = useState<CompetencyGapGrouping>('DIVISION');
  const groupById = useId();
  const summary = useAsync(() => runGraphQl(GapSummaryQuery, { groupBy }), [groupBy]);
  const grouping = groupBy === 'DIVISION' ? c.byDivision : c.byTargetGroup;
  const percent = (share: number) => f.percent(Math.round(share * 1000) / 10);

  const map = summary.data ? heatMap(summary.data.competencyGapSummary) : null;
  const groupName = (group: { division?: { nameTh: string } | null; targetGroup?: keyof typeof m.enums.targetGroup | null }) =>
    groupBy === 'DIVISION' ? (group.division?.nameTh ?? c.noDivision) : group.targetGroup ? m.enums.targetGroup[group.targetGroup] : c.noDivision;

  return (
    <>
      <p className="muted">{c.gapsIntro}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={groupById}>{c.groupBy}</label>
          <select id={groupById} value={groupBy} onChange={(event) => setGroupBy(event.target.value as CompetencyGapGrouping)}>
            <option value="DIVISION">{c.byDivision}</option>
            <option value="TARGET_GROUP">{c.byTargetGroup}</option>
          </select>
        </div>
      </div>
      <Legend />
      {summary.error && <ErrorNotice error={summary.error} onRetry={summary.reload} />}
      {summary.loading && <Loading />}
      {map && !summary.loading && map.rows.length === 0 && <p>{c.noGroups}</p>}
      {map && !summary.loading && map.rows.length > 0 && (
        <TableScroll label={c.heatCaption(grouping)}>
          <table className="heatmap">
            <caption>{c.heatCaption(grouping)}</caption>
            <thead>
              <tr>
                <th scope="col">{c.group}</th>
                <th scope="col" className="num">{c.staffInGroup}</th>
                <th scope="col" className="num">{c.staffWithGaps}</th>
                {map.columns.map((column) => (
                  <th scope="col" key={column.code} className="heat-column">
                    <abbr title={column.nameTh}>{column.code}</abbr>
                    <span className="visually-hidden"> {column.nameTh}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {map.rows.map(({ group, cells }, index) => {
                const name = groupName(group);
                return (
                  <tr key={group.division?.id ?? group.targetGroup ?? `none-${index}`}>
                    <th scope="row">{name}</th>
                    <td className="num">{f.integer(group.staffCount)}</td>
                    <td className="num">{f.integer(group.staffWithGaps)}</td>
                    {cells.map((cell, i) => {
                      const column = map.columns[i];
                      if (!cell || cell.share === null) {
                        return (
                          <td key={column.code} className="heat-cell heat-none" title={c.notRequired}>
                            <span aria-hidden="true">–</span>
                            <span className="visually-hidden">{c.notRequired}</span>
                          </td>
                        );
                      }
                      const label = c.cellLabel(name, `${column.code} ${column.nameTh}`, f.integer(cell.short), f.integer(cell.required), percent(cell.share));
                      return (
                        <td key={column.code} className={`heat-cell heat-${cell.band}`} title={label}>
                          <span className="heat-figure">{f.integer(cell.short)}/{f.integer(cell.required)}</span>
                          <span className="heat-share">{percent(cell.share)}</span>
                        </td>
                      );
                    })}
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

function Legend() {
  const { m, f } = useI18n();
  const c = m.competencies;
  return (
    <figure className="heat-legend">
      <figcaption>{c.legend}</figcaption>
      <ul>
        {BANDS.map(({ band, from, to }) => (
          <li key={band}>
            <span className={`heat-swatch heat-${band}`} aria-hidden="true" />
            {band === 0 ? c.legendNone : c.legendRange(f.percent(from), f.percent(to))}
          </li>
        ))}
        <li>
          <span className="heat-swatch heat-none" aria-hidden="true">–</span>
          {c.legendNotRequired}
        </li>
      </ul>
    </figure>
  );
}
