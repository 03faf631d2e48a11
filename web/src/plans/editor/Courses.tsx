import { useState } from 'react';
import { runGraphQl } from '../../api/graphql';
import type { CourseCategory, DevelopmentMethod, PositionType, ProviderKind, TargetGroup } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { Badge } from '../../ui/components';
import { courseToForm, emptyCourse, formToInput, type CompletionPreset, type CourseForm, type EditedCourse } from '../courseForm';
import { problemsAt, problemsUnder, relativeTo, type Problem } from '../problems';
import { AddPlanCourse, RemovePlanCourse, UpdatePlanCourse } from '../queries';
import { CheckboxGroup, FieldProblems, SaveBar, StaffPicker, TextField, useSave } from './parts';
import { MONTHS, Section, Select } from './Sections';

const CATEGORIES: CourseCategory[] = ['BASIC_GOVERNMENT_KNOWLEDGE', 'JOB_DUTIES', 'POSITION_SPECIFIC', 'MANAGEMENT', 'ETHICS'];
const METHODS: DevelopmentMethod[] = [
  'ORIENTATION', 'TRAINING', 'STUDY', 'STUDY_VISIT', 'MEETING', 'WORKSHOP', 'SEMINAR', 'COACHING',
  'ON_THE_JOB_TRAINING', 'MENTORING', 'CONSULTING', 'JOB_ROTATION', 'SELF_LEARNING', 'E_LEARNING', 'OTHER',
];
const PROVIDERS: ProviderKind[] = ['OWN_ORGANISATION', 'NATIONAL_OFFICE', 'PROVINCIAL_OFFICE', 'OTHER_AGENCY'];
const TARGET_GROUPS: TargetGroup[] = ['NEWLY_APPOINTED', 'EXPERIENCED', 'DIRECTOR_LEVEL', 'EXECUTIVE'];
const POSITION_TYPES: PositionType[] = ['EXECUTIVE', 'DIRECTOR', 'ACADEMIC', 'GENERAL'];
const PRESETS: CompletionPreset[] = ['NONE', 'ELEARNING_PASSED', 'CLASSROOM_ATTENDED', 'COMPLETED', 'CUSTOM'];

export interface Catalogue {
  competencies: Array<{ code: string; nameTh: string }>;
  divisions: Array<{ id: string; nameTh: string }>;
  years: readonly number[];
}

interface Entry {
  /** Stable React key: the course key once saved. */
  id: string;
  form: CourseForm;
}

/** Section (3): the plan's courses, each a form of its own saved with addPlanCourse / updatePlanCourse. */
export function CoursesSection({ planId, courses, catalogue, gaps, onSaved }: {
  planId: string;
  courses: readonly EditedCourse[];
  catalogue: Catalogue;
  gaps: readonly Problem[];
  onSaved: () => void;
}) {
  const { m, f } = useI18n();
  const p = m.plans;
  const [entries, setEntries] = useState<Entry[]>(() => courses.map((course) => ({ id: course.key, form: courseToForm(course) })));
  const [fresh, setFresh] = useState(0);
  const coverage = problemsUnder(gaps, 'courses', 'coverage');
  return (
    <Section id="section-courses" title={p.sections.courses} gaps={[...problemsAt(gaps, 'courses'), ...coverage]}>
      <p className="hint">{p.courseCount(f.integer(entries.filter((entry) => entry.form.key).length))}</p>
      {entries.map((entry) => (
        <CourseCard
          key={entry.id}
          planId={planId}
          initial={entry.form}
          catalogue={catalogue}
          gaps={entry.form.key ? problemsUnder(gaps, 'courses', entry.form.key).map((gap) => ({ ...gap, field: gap.field.slice(2) })) : []}
          onSaved={(form) => {
            setEntries((all) => all.map((other) => (other.id === entry.id ? { ...other, form } : other)));
            onSaved();
          }}
          onRemoved={() => {
            setEntries((all) => all.filter((other) => other.id !== entry.id));
            onSaved();
          }}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setEntries((all) => [...all, { id: `new-${fresh}`, form: emptyCourse() }]);
            setFresh((n) => n + 1);
          }}
        >
          {p.addCourse}
        </button>
      </div>
    </Section>
  );
}

function CourseCard({ planId, initial, catalogue, gaps, onSaved, onRemoved }: {
  planId: string;
  initial: CourseForm;
  catalogue: Catalogue;
  gaps: readonly Problem[];
  onSaved: (form: CourseForm) => void;
  onRemoved: () => void;
}) {
  const { m, f } = useI18n();
  const p = m.plans;
  const [form, setForm] = useState(initial);
  const [dirty, setDirty] = useState(initial.key === null);
  const [open, setOpen] = useState(initial.key === null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useSave();
  const set = <K extends keyof CourseForm>(field: K, value: CourseForm[K]) => {
    setForm((old) => ({ ...old, [field]: value }));
    setDirty(true);
  };
  // problems of this course: the draft's gaps (by key) and a refused save (relative to `course`)
  const at = (...path: string[]) => [...problemsUnder(gaps, ...path), ...problemsUnder(save.problems, ...path)];
  const anyProblem = gaps.length > 0 || save.problems.length > 0;

  const submit = () =>
    save.run(async () => {
      const course = formToInput(form);
      if (form.key) {
        const { updatePlanCourse } = await runGraphQl(UpdatePlanCourse, { input: { planId, key: form.key, course } });
        return relativeTo(updatePlanCourse.userErrors, 'input', 'course');
      }
      const { addPlanCourse } = await runGraphQl(AddPlanCourse, { input: { planId, course } });
      if (addPlanCourse.course) {
        const saved = { ...form, key: addPlanCourse.course.key };
        setForm(saved);
        setDirty(false);
        onSaved(saved);
      }
      return relativeTo(addPlanCourse.userErrors, 'input', 'course');
    }).then((ok) => {
      if (ok && form.key) {
        setDirty(false);
        onSaved(form);
      }
    });

  const remove = async () => {
    if (!form.key) {
      onRemoved();
      return;
    }
    const ok = await save.run(async () => {
      const { removePlanCourse } = await runGraphQl(RemovePlanCourse, { input: { planId, key: form.key! } });
      return relativeTo(removePlanCourse.userErrors, 'input');
    });
    if (ok) {
      onRemoved();
    }
  };

  const title = form.titleTh.trim() || p.newCourse;
  const scheduled = [...form.fiscalYears].sort();
  return (
    <details
      className="course-card"
      id={form.key ? `course-${form.key}` : undefined}
      open={open || anyProblem}
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
      data-course={form.key ?? 'new'}
    >
      <summary>
        <strong>{title}</strong> <span className="hint">{form.category ? p.vocab.category[form.category] : p.chooseCategory}</span>{' '}
        {gaps.length > 0 && <Badge tone="bad">{p.gapsCount(f.integer(gaps.length))}</Badge>}
        {dirty && <Badge tone="warn">{p.unsaved}</Badge>}
      </summary>
      <div className="course-body">
        <div className="form-row">
          <TextField label={p.courseTitleTh} value={form.titleTh} onChange={(v) => set('titleTh', v)} required problems={at('titleTh')} />
          <TextField label={p.courseTitleEn} value={form.titleEn} onChange={(v) => set('titleEn', v)} problems={at('titleEn')} />
        </div>
        <TextField label={p.description} value={form.description} onChange={(v) => set('description', v)} multiline />
        <Select
          label={p.category}
          value={form.category}
          options={CATEGORIES}
          text={(v) => p.vocab.category[v]}
          onChange={(v) => set('category', v)}
          problems={at('category')}
        />
        <details className="competency-choice">
          <summary>
            {p.competencies} ({p.competenciesChosen(f.integer(form.competencyCodes.length))}: {form.competencyCodes.join(', ')})
          </summary>
          <CheckboxGroup
            legend={p.competencies}
            options={catalogue.competencies.map((c) => c.code)}
            chosen={form.competencyCodes}
            label={(code) => `${code} ${catalogue.competencies.find((c) => c.code === code)?.nameTh ?? ''}`}
            onChange={(v) => set('competencyCodes', v)}
            problems={at('competencyCodes')}
            className="checkbox-group columns"
          />
        </details>
        <CheckboxGroup legend={p.methods} options={METHODS} chosen={form.methods} label={(v) => p.vocab.method[v]} onChange={(v) => set('methods', v)} className="checkbox-group columns" />
        <div className="form-row">
          <Select label={p.provider} value={form.providerKind} options={PROVIDERS} text={(v) => p.vocab.provider[v]} onChange={(v) => set('providerKind', v)} problems={at('provider')} />
          <TextField label={p.providerName} value={form.providerName} onChange={(v) => set('providerName', v)} />
        </div>

        <fieldset className="subsection">
          <legend>{p.targetTitle}</legend>
          <FieldProblems problems={at('target')} />
          <label className="checkbox">
            <input type="checkbox" checked={form.allStaff} onChange={(event) => set('allStaff', event.target.checked)} /> {p.allStaff}
          </label>
          {!form.allStaff && (
            <>
              <p className="hint">{p.targetRule}</p>
              <CheckboxGroup legend={p.targetGroups} options={TARGET_GROUPS} chosen={form.targetGroups} label={(v) => m.enums.targetGroup[v]} onChange={(v) => set('targetGroups', v)} />
              <CheckboxGroup legend={p.positionTypes} options={POSITION_TYPES} chosen={form.positionTypes} label={(v) => m.enums.positionType[v]} onChange={(v) => set('positionTypes', v)} />
              <TextField label={p.linesOfWork} value={form.linesOfWork} onChange={(v) => set('linesOfWork', v)} />
              <CheckboxGroup
                legend={p.divisions}
                options={catalogue.divisions.map((d) => d.id)}
                chosen={form.divisionIds}
                label={(id) => catalogue.divisions.find((d) => d.id === id)?.nameTh ?? id}
                onChange={(v) => set('divisionIds', v)}
              />
              <div className="field">
                <span>{p.namedStaff}</span>
                <ul className="chips">
                  {form.staff.map((person) => (
                    <li key={person.id}>
                      {person.name}{' '}
                      <button type="button" className="link-button" onClick={() => set('staff', form.staff.filter((other) => other.id !== person.id))}>
                        {p.remove} <span className="visually-hidden">{person.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
                <StaffPicker label={p.namedStaffSearch} onPick={(staff) => !form.staff.some((s) => s.id === staff.id) && set('staff', [...form.staff, { id: staff.id, name: staff.name }])} />
              </div>
            </>
          )}
          <TextField label={p.targetDescription} value={form.targetDescription} onChange={(v) => set('targetDescription', v)} />
        </fieldset>

        <fieldset className="subsection">
          <legend>{p.schedule}</legend>
          <FieldProblems problems={problemsAt([...gaps, ...save.problems], 'schedule')} />
          <CheckboxGroup
            legend={p.scheduleYears}
            options={catalogue.years}
            chosen={form.fiscalYears}
            label={(year) => f.year(year)}
            onChange={(v) => set('fiscalYears', v)}
            problems={at('schedule', 'fiscalYears')}
          />
          <CheckboxGroup className="checkbox-group months" legend={p.scheduleMonths} options={MONTHS} chosen={form.months} label={(month) => p.vocab.month[month - 1]} onChange={(v) => set('months', v)} problems={at('schedule', 'months')} />
          <TextField label={p.scheduleNote} value={form.scheduleNote} onChange={(v) => set('scheduleNote', v)} />
        </fieldset>

        <fieldset className="subsection">
          <legend>{p.yearly}</legend>
          <FieldProblems problems={problemsAt([...gaps, ...save.problems], 'yearly')} />
          {scheduled.map((year) => (
            <div className="form-row" key={year}>
              <TextField
                label={p.participants(f.year(year))}
                inputMode="numeric"
                value={form.yearly[year]?.participants ?? ''}
                onChange={(v) => set('yearly', { ...form.yearly, [year]: { participants: v, budget: form.yearly[year]?.budget ?? '' } })}
              />
              <TextField
                label={p.budgetOf(f.year(year))}
                inputMode="numeric"
                value={form.yearly[year]?.budget ?? ''}
                onChange={(v) => set('yearly', { ...form.yearly, [year]: { participants: form.yearly[year]?.participants ?? '', budget: v } })}
                problems={at('yearly', String(year))}
              />
            </div>
          ))}
        </fieldset>

        <fieldset className="subsection">
          <legend>{p.xapiTitle}</legend>
          <Select label={p.completion} value={form.preset} options={PRESETS} text={(v) => p.preset[v]} onChange={(v) => set('preset', v)} />
          {form.preset !== 'NONE' && (
            <TextField label={p.activityIds} value={form.activityIds} onChange={(v) => set('activityIds', v)} multiline problems={at('xapi', 'activityIds')} />
          )}
          {(form.preset === 'ELEARNING_PASSED' || form.preset === 'CUSTOM') && (
            <TextField label={p.minScore} inputMode="decimal" value={form.minScaledScore} onChange={(v) => set('minScaledScore', v)} problems={at('xapi', 'completion', 'minScaledScore')} />
          )}
          {(form.preset === 'CLASSROOM_ATTENDED' || form.preset === 'CUSTOM') && (
            <TextField label={p.minHours} inputMode="decimal" value={form.minHours} onChange={(v) => set('minHours', v)} problems={at('xapi', 'completion', 'minHours')} />
          )}
          {form.preset === 'CUSTOM' && (
            <>
              <TextField label={p.verbs} value={form.verbs} onChange={(v) => set('verbs', v)} multiline problems={at('xapi', 'completion', 'verbs')} />
              <label className="checkbox">
                <input type="checkbox" checked={form.requireSuccess} onChange={(event) => set('requireSuccess', event.target.checked)} /> {p.requireSuccess}
              </label>{' '}
              <label className="checkbox">
                <input type="checkbox" checked={form.requireCompletion} onChange={(event) => set('requireCompletion', event.target.checked)} /> {p.requireCompletion}
              </label>{' '}
              <label className="checkbox">
                <input type="checkbox" checked={form.everyActivity} onChange={(event) => set('everyActivity', event.target.checked)} /> {p.activityMatch}
              </label>
            </>
          )}
          <FieldProblems problems={problemsAt(save.problems, 'xapi')} />
        </fieldset>

        <SaveBar working={save.working} dirty={dirty} status={save.status} onSave={submit} />
        <div className="actions">
          {confirmRemove ? (
            <>
              <button type="button" className="button button-danger" onClick={remove}>
                {p.removeCourseConfirm}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setConfirmRemove(false)}>
                {m.app.cancel}
              </button>
            </>
          ) : (
            <button type="button" className="button button-quiet" onClick={() => setConfirmRemove(true)}>
              {p.removeCourse}
            </button>
          )}
        </div>
      </div>
    </details>
  );
}
