import type { PlanContentFieldsFragment } from '../../gql/graphql';
import type { Formats } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/messages';
import { TableScroll } from '../../ui/components';

type Content = PlanContentFieldsFragment;
type Course = Content['courses'][number];

/** The master plan's course categories, in its order (§11); the server's PlanDocument numbers them 3.1–3.5. */
export const CATEGORY_ORDER = ['BASIC_GOVERNMENT_KNOWLEDGE', 'JOB_DUTIES', 'POSITION_SPECIFIC', 'MANAGEMENT', 'ETHICS'] as const;

export interface PlanDocumentViewProps {
  /** The revision's content (fragment PlanContentFields). */
  content: Content;
  /** The plan's three fiscal years (Plan.fiscalYears). */
  fiscalYears: number[];
  /** Level of the section headings (default 2: h2 sections, h3 course categories). */
  headingLevel?: 2 | 3;
}

/**
 * A plan revision laid out like the document the organisation files (the server's PlanDocument):
 * 1 หลักการและเหตุผล, 2 เป้าหมายการพัฒนา, 3 หลักสูตรการพัฒนา by category, 4 วิธีการพัฒนาและระยะเวลา,
 * 5 งบประมาณ, 6 การติดตามและประเมินผล, then the committee of §14.1. Read only.
 */
export function PlanDocumentView({ content, fiscalYears, headingLevel = 2 }: PlanDocumentViewProps) {
  const { m, f } = useI18n();
  const d = m.review.doc;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const span = fiscalYears.length > 0 ? `${f.year(fiscalYears[0])}–${f.year(fiscalYears[fiscalYears.length - 1])}` : '';
  const text = (value: string | null | undefined) => (value && value.trim() ? value : d.empty);

  return (
    <article className="plan-document" aria-label={d.label}>
      <section data-plan-section="RATIONALE">
        <H>1. {d.rationale}</H>
        <p className="plan-text">{text(content.rationale)}</p>
      </section>

      <section data-plan-section="GOALS">
        <H>2. {d.goals}</H>
        {content.goals.length === 0 && <p>{d.noGoals}</p>}
        {content.goals.map((goal, i) => (
          <p key={goal.key}>
            2.{i + 1} {goal.title}
            {goal.description ? `: ${goal.description}` : ''}
          </p>
        ))}
        {content.goals.length > 0 && (
          <TableScroll label={d.goalsTable}>
            <table>
              <caption>{d.goalsTable}</caption>
              <thead>
                <tr>
                  <th scope="col">{d.goal}</th>
                  <th scope="col">{d.indicator}</th>
                  <th scope="col">{d.unit}</th>
                  <th scope="col">{d.comparator}</th>
                  {fiscalYears.map((year) => (
                    <th scope="col" key={year} className="num">
                      {d.targetOf(f.year(year))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {content.goals.flatMap((goal) =>
                  goal.indicators.map((indicator) => (
                    <tr key={`${goal.key}/${indicator.key}`} data-indicator={indicator.key}>
                      <td>{goal.title}</td>
                      <td>{indicator.description}</td>
                      <td>{d.unitName[indicator.unit] ?? ''}</td>
                      <td>{m.enums.comparator[indicator.comparator]}</td>
                      {fiscalYears.map((year) => {
                        const target = indicator.targets.find((t) => t.fiscalYear === year);
                        return (
                          <td key={year} className="num">
                            {target ? f.number(target.value) : d.empty}
                          </td>
                        );
                      })}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section data-plan-section="COURSES">
        <H>3. {d.courses}</H>
        {content.courses.length === 0 && <p>{d.noCourses}</p>}
        {courseGroups(content.courses).map(({ category, number, courses }) => (
          <div key={category ?? 'none'} data-course-category={category ?? 'NONE'}>
            <Sub>{category ? `3.${number} ${d.category[category]}` : d.noCategory}</Sub>
            <TableScroll label={category ? d.category[category] : d.noCategory}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{d.course}</th>
                    <th scope="col">{d.method}</th>
                    <th scope="col">{d.targetGroup}</th>
                    <th scope="col">{d.schedule}</th>
                    {fiscalYears.flatMap((year) => [
                      <th scope="col" key={`p${year}`} className="num">
                        {d.participantsOf(f.year(year))}
                      </th>,
                      <th scope="col" key={`b${year}`} className="num">
                        {d.budgetOf(f.year(year))}
                      </th>,
                    ])}
                  </tr>
                </thead>
                <tbody>
                  {courses.map((course) => (
                    <tr key={course.key} data-course={course.key}>
                      <th scope="row">{course.titleTh}</th>
                      <td>{course.methods.map((method) => d.methodName[method]).join(', ') || d.empty}</td>
                      <td>{targetText(course, m)}</td>
                      <td>{scheduleText(course, m, f)}</td>
                      {fiscalYears.flatMap((year) => {
                        const y = course.yearly.find((entry) => entry.fiscalYear === year);
                        return [
                          <td key={`p${year}`} className="num">
                            {y ? f.integer(y.plannedParticipants) : d.empty}
                          </td>,
                          <td key={`b${year}`} className="num">
                            {y ? f.integer(y.budget) : d.empty}
                          </td>,
                        ];
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        ))}
      </section>

      <section data-plan-section="METHODS_AND_DURATION">
        <H>4. {d.methods}</H>
        <p className="plan-text">{text(content.methodsAndDuration.description)}</p>
        <p>
          {d.methodsUsed}: {content.methodsAndDuration.methodsUsed.map((method) => d.methodName[method]).join(', ') || d.empty}
        </p>
        {span && <p>{d.duration(span)}</p>}
      </section>

      <section data-plan-section="BUDGET">
        <H>5. {d.budget}</H>
        <p className="plan-text">{text(content.budget.description)}</p>
        <TableScroll label={d.budgetTable}>
          <table>
            <caption>{d.budgetTable}</caption>
            <thead>
              <tr>
                <th scope="col">{d.fiscalYear}</th>
                <th scope="col" className="num">{d.courseCount}</th>
                <th scope="col" className="num">{d.participants}</th>
                <th scope="col" className="num">{d.amount}</th>
              </tr>
            </thead>
            <tbody>
              {content.budget.byFiscalYear.map((year) => (
                <tr key={year.fiscalYear}>
                  <th scope="row">{d.year(f.year(year.fiscalYear))}</th>
                  <td className="num">{f.integer(year.courseCount)}</td>
                  <td className="num">{f.integer(year.plannedParticipants)}</td>
                  <td className="num">{f.integer(year.amount)}</td>
                </tr>
              ))}
              <tr className="total-row">
                <th scope="row">{d.total}</th>
                <td />
                <td />
                <td className="num" data-figure="budget-total">{f.integer(content.budget.total)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section data-plan-section="MONITORING">
        <H>6. {d.monitoring}</H>
        <p className="plan-text">{text(content.monitoring.description)}</p>
        <TableScroll label={d.monitoringTable}>
          <table>
            <caption>{d.monitoringTable}</caption>
            <thead>
              <tr>
                <th scope="col">{d.phase}</th>
                <th scope="col">{d.action}</th>
                <th scope="col">{d.months}</th>
                <th scope="col">{d.responsible}</th>
              </tr>
            </thead>
            <tbody>
              {content.monitoring.checkpoints.map((checkpoint, i) => (
                <tr key={i}>
                  <td>{d.phaseName[checkpoint.phase]}</td>
                  <td>{checkpoint.description}</td>
                  <td>{monthsText(checkpoint.months, m) || d.empty}</td>
                  <td>{text(checkpoint.responsible)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section data-plan-section="COMMITTEE">
        <H>{d.committee}</H>
        <p>
          {d.committeeOrder}
          {content.committee.appointmentOrderNumber?.trim() ? d.appointedBy(content.committee.appointmentOrderNumber) : ''}
          {content.committee.appointmentDate ? d.appointedOn(f.date(content.committee.appointmentDate)) : ''}
        </p>
        <TableScroll label={d.committeeTable}>
          <table>
            <caption>{d.committeeTable}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{d.order}</th>
                <th scope="col">{d.name}</th>
                <th scope="col">{d.position}</th>
                <th scope="col">{d.role}</th>
              </tr>
            </thead>
            <tbody>
              {content.committee.members.map((member, i) => (
                <tr key={member.key}>
                  <td className="num">{f.integer(i + 1)}</td>
                  <td>{text(member.name)}</td>
                  <td>{text(member.position)}</td>
                  <td>{d.roleName[member.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </article>
  );
}

/** Courses by category in the master plan's order (numbered 3.1–3.5 by position in that order), uncategorised last. */
export function courseGroups<C extends { category?: string | null }>(courses: C[]): { category: string | null; number: number; courses: C[] }[] {
  const groups: { category: string | null; number: number; courses: C[] }[] = [];
  CATEGORY_ORDER.forEach((category, i) => {
    const inCategory = courses.filter((course) => course.category === category);
    if (inCategory.length > 0) {
      groups.push({ category, number: i + 1, courses: inCategory });
    }
  });
  const none = courses.filter((course) => !course.category || !(CATEGORY_ORDER as readonly string[]).includes(course.category));
  if (none.length > 0) {
    groups.push({ category: null, number: CATEGORY_ORDER.length + 1, courses: none });
  }
  return groups;
}

/** Who a course is for, as the server's plan document says it. */
export function targetText(course: Pick<Course, 'target'>, m: Messages): string {
  const d = m.review.doc;
  const target = course.target;
  if (!target) {
    return d.empty;
  }
  if (target.description?.trim()) {
    return target.description;
  }
  const namesAnyone = target.targetGroups.length + target.positionTypes.length + target.linesOfWork.length + target.divisionIds.length + target.staffIds.length > 0;
  if (target.allStaff || !namesAnyone) {
    return d.allStaff;
  }
  const parts: string[] = [
    ...target.targetGroups.map((group) => m.enums.targetGroup[group as keyof typeof m.enums.targetGroup] ?? group),
    ...target.positionTypes.map((type) => m.enums.positionType[type]),
    ...target.linesOfWork,
  ];
  if (target.divisionIds.length > 0) {
    parts.push(d.divisions(String(target.divisionIds.length)));
  }
  if (target.staffIds.length > 0) {
    parts.push(d.namedStaff(String(target.staffIds.length)));
  }
  return parts.length > 0 ? parts.join(', ') : d.asSpecified;
}

export function monthsText(months: number[], m: Messages): string {
  return months.filter((month) => month >= 1 && month <= 12).map((month) => m.review.doc.shortMonths[month - 1]).join(' ');
}

/** ปี 2570, 2571 เดือน ต.ค. พ.ย. <note>, as in the server's plan document. */
export function scheduleText(course: Pick<Course, 'schedule'>, m: Messages, f: Formats): string {
  const d = m.review.doc;
  const schedule = course.schedule;
  if (!schedule) {
    return d.empty;
  }
  const parts: string[] = [];
  if (schedule.fiscalYears.length > 0) {
    parts.push(d.inYears(schedule.fiscalYears.map((year) => f.year(year)).join(', ')));
  }
  const months = monthsText(schedule.months, m);
  if (months) {
    parts.push(d.inMonths(months));
  }
  if (schedule.note?.trim()) {
    parts.push(schedule.note);
  }
  return parts.join(' ') || d.empty;
}
