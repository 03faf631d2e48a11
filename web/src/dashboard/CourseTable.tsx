import { useI18n } from '../i18n/i18n';
import { TableScroll } from '../ui/components';
import type { Figures } from './figures';

export function CourseTable({ figures }: { figures: Figures }) {
  const { m, f } = useI18n();
  return (
    <TableScroll label={m.dashboard.courses}>
      <table data-testid="course-table">
        <caption>{m.dashboard.courses}</caption>
        <thead>
          <tr>
            <th scope="col">{m.dashboard.course}</th>
            <th scope="col">{m.dashboard.plannedThisYear}</th>
            <th scope="col" className="num">{m.dashboard.targetParticipants}</th>
            <th scope="col" className="num">{m.dashboard.started}</th>
            <th scope="col" className="num">{m.dashboard.completed}</th>
            <th scope="col" className="num">{m.dashboard.completionRate}</th>
            <th scope="col" className="num">{m.dashboard.hours}</th>
            <th scope="col" className="num">{m.dashboard.budgetPlanned}</th>
            <th scope="col" className="num">{m.dashboard.budgetSpentColumn}</th>
            <th scope="col">{m.dashboard.delivered}</th>
          </tr>
        </thead>
        <tbody>
          {figures.courses.map((course) => (
            <tr key={course.courseKey} data-course={course.courseKey}>
              <th scope="row">{course.titleTh ?? course.courseKey}</th>
              <td>{course.planned ? m.app.yes : m.app.no}</td>
              <td className="num">{f.integer(course.targetParticipants)}</td>
              <td className="num">{f.integer(course.participantsStarted)}</td>
              <td className="num" data-figure="participantsCompleted">{f.integer(course.participantsCompleted)}</td>
              <td className="num">{f.percent(course.completionRate)}</td>
              <td className="num">{f.number(course.totalHours)}</td>
              <td className="num">{f.integer(course.budgetPlanned)}</td>
              <td className="num">{f.integer(course.budgetSpent)}</td>
              <td>{course.delivered ? m.app.yes : m.app.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
