import { useI18n } from '../i18n/i18n';
import { TableScroll } from '../ui/components';
import type { Figures } from './figures';

type Group = Figures['byDivision'][number];

/** Development by division, target group, position type and competency. */
export function Breakdowns({ figures, onShowDivision }: { figures: Figures; onShowDivision: (divisionKey: string) => void }) {
  const { m, f } = useI18n();
  const targetGroups = m.enums.targetGroup as Record<string, string>;
  const positionTypes = m.enums.positionType as Record<string, string>;
  return (
    <section aria-labelledby="breakdowns-heading">
      <h2 id="breakdowns-heading">{m.dashboard.breakdowns}</h2>
      <div className="two-columns">
        <GroupTable
          title={m.dashboard.byDivision}
          groups={figures.byDivision}
          nameOf={(g) => g.name ?? m.dashboard.noDivision}
          action={(g) =>
            g.key && g.name ? (
              <button type="button" className="link-button" onClick={() => onShowDivision(g.key)}>
                {m.dashboard.showStaff}
                <span className="visually-hidden"> {g.name}</span>
              </button>
            ) : null
          }
        />
        <GroupTable title={m.dashboard.byTargetGroup} groups={figures.byTargetGroup} nameOf={(g) => targetGroups[g.key] ?? g.name ?? g.key} />
        <GroupTable
          title={m.dashboard.byPositionType}
          groups={figures.byPositionType}
          nameOf={(g) => positionTypes[g.key] ?? g.name ?? m.enums.unknownPositionType}
        />
        <div className="card">
          <TableScroll label={m.dashboard.byCompetency}>
            <table>
              <caption>{m.dashboard.byCompetency}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.dashboard.competency}</th>
                  <th scope="col" className="num">{m.dashboard.staffCount}</th>
                  <th scope="col" className="num">{m.dashboard.competencyCompleted}</th>
                  <th scope="col" className="num">{m.dashboard.share}</th>
                </tr>
              </thead>
              <tbody>
                {figures.byCompetency.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.nameTh ?? c.code}</th>
                    <td className="num">{f.integer(c.staffCount)}</td>
                    <td className="num">{f.integer(c.staffCompleted)}</td>
                    <td className="num">{f.percent(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </div>
    </section>
  );
}

function GroupTable({
  title,
  groups,
  nameOf,
  action,
}: {
  title: string;
  groups: Group[];
  nameOf: (group: Group) => string;
  action?: (group: Group) => React.ReactNode;
}) {
  const { m, f } = useI18n();
  return (
    <div className="card">
      <TableScroll label={title}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{m.dashboard.group}</th>
              <th scope="col" className="num">{m.dashboard.staffCount}</th>
              <th scope="col" className="num">{m.dashboard.developed}</th>
              <th scope="col" className="num">{m.dashboard.share}</th>
              <th scope="col" className="num">{m.dashboard.hoursPerPersonColumn}</th>
              {action && <th scope="col"><span className="visually-hidden">{m.dashboard.showStaff}</span></th>}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{nameOf(group)}</th>
                <td className="num">{f.integer(group.staffCount)}</td>
                <td className="num">{f.integer(group.staffDeveloped)}</td>
                <td className="num">{f.percent(group.share)}</td>
                <td className="num">{f.number(group.hoursPerPerson)}</td>
                {action && <td>{action(group)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
