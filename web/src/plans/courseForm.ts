import type {
  CourseCategory,
  DevelopmentMethod,
  PlanCourseInput,
  PlanForEditingQuery,
  PositionType,
  ProviderKind,
  TargetGroup,
} from '../gql/graphql';

export type EditedCourse = NonNullable<PlanForEditingQuery['plan']>['draft'] extends infer D
  ? D extends { content: { courses: Array<infer C> } }
    ? C
    : never
  : never;

const ADL = 'http://adlnet.gov/expapi/verbs/';
export const VERBS = { passed: `${ADL}passed`, completed: `${ADL}completed`, attended: `${ADL}attended` };

/** The completion rules an HR officer picks from; CUSTOM shows every setting. */
export type CompletionPreset = 'NONE' | 'ELEARNING_PASSED' | 'CLASSROOM_ATTENDED' | 'COMPLETED' | 'CUSTOM';

/** A course as the form holds it: numbers as typed text, lists as the form edits them. */
export interface CourseForm {
  key: string | null;
  titleTh: string;
  titleEn: string;
  description: string;
  category: CourseCategory | '';
  competencyCodes: string[];
  methods: DevelopmentMethod[];
  providerKind: ProviderKind | '';
  providerName: string;
  allStaff: boolean;
  targetGroups: TargetGroup[];
  positionTypes: PositionType[];
  linesOfWork: string;
  divisionIds: string[];
  staff: Array<{ id: string; name: string }>;
  targetDescription: string;
  fiscalYears: number[];
  months: number[];
  scheduleNote: string;
  yearly: Record<number, { participants: string; budget: string }>;
  activityIds: string;
  preset: CompletionPreset;
  minScaledScore: string;
  minHours: string;
  verbs: string;
  requireSuccess: boolean;
  requireCompletion: boolean;
  everyActivity: boolean;
}

export function emptyCourse(): CourseForm {
  return {
    key: null,
    titleTh: '',
    titleEn: '',
    description: '',
    category: '',
    competencyCodes: [],
    methods: [],
    providerKind: 'OWN_ORGANISATION',
    providerName: '',
    allStaff: false,
    targetGroups: [],
    positionTypes: [],
    linesOfWork: '',
    divisionIds: [],
    staff: [],
    targetDescription: '',
    fiscalYears: [],
    months: [],
    scheduleNote: '',
    yearly: {},
    activityIds: '',
    preset: 'NONE',
    minScaledScore: '0.6',
    minHours: '6',
    verbs: '',
    requireSuccess: false,
    requireCompletion: false,
    everyActivity: false,
  };
}

/** Which preset a stored rule is, so the form shows it the way it was chosen. */
export function presetOf(rule: {
  verbs: readonly string[];
  requireSuccess: boolean;
  requireCompletion: boolean;
  minScaledScore?: number | null;
  minHours?: number | null;
  activityMatch: string;
}): CompletionPreset {
  const only = (verb: string) => rule.verbs.length === 1 && rule.verbs[0] === verb;
  if (rule.activityMatch !== 'ANY') {
    return 'CUSTOM';
  }
  if (only(VERBS.passed) && rule.requireSuccess && !rule.requireCompletion && rule.minScaledScore != null && rule.minHours == null) {
    return 'ELEARNING_PASSED';
  }
  if (only(VERBS.attended) && !rule.requireSuccess && !rule.requireCompletion && rule.minScaledScore == null && rule.minHours != null) {
    return 'CLASSROOM_ATTENDED';
  }
  if (only(VERBS.completed) && !rule.requireSuccess && rule.requireCompletion && rule.minScaledScore == null && rule.minHours == null) {
    return 'COMPLETED';
  }
  return 'CUSTOM';
}

/** The form of a stored course (named staff get their names from `staffNames`, else their id). */
export function courseToForm(course: EditedCourse, staffNames: Record<string, string> = {}): CourseForm {
  const form = emptyCourse();
  const rule = course.xapi?.completion;
  const yearly: CourseForm['yearly'] = {};
  for (const year of course.yearly) {
    yearly[year.fiscalYear] = { participants: String(year.plannedParticipants), budget: String(year.budget) };
  }
  return {
    ...form,
    key: course.key,
    titleTh: course.titleTh,
    titleEn: course.titleEn ?? '',
    description: course.description ?? '',
    category: course.category ?? '',
    competencyCodes: [...course.competencyCodes],
    methods: [...course.methods],
    providerKind: course.provider?.kind ?? '',
    providerName: course.provider?.name ?? '',
    allStaff: course.target?.allStaff ?? false,
    targetGroups: [...(course.target?.targetGroups ?? [])],
    positionTypes: [...(course.target?.positionTypes ?? [])],
    linesOfWork: (course.target?.linesOfWork ?? []).join(', '),
    divisionIds: [...(course.target?.divisionIds ?? [])],
    staff: (course.target?.staffIds ?? []).map((id) => ({ id, name: staffNames[id] ?? id })),
    targetDescription: course.target?.description ?? '',
    fiscalYears: [...(course.schedule?.fiscalYears ?? [])],
    months: [...(course.schedule?.months ?? [])],
    scheduleNote: course.schedule?.note ?? '',
    yearly,
    activityIds: (course.xapi?.activityIds ?? []).join('\n'),
    preset: course.xapi && rule ? presetOf(rule) : 'NONE',
    minScaledScore: rule?.minScaledScore != null ? String(rule.minScaledScore) : form.minScaledScore,
    minHours: rule?.minHours != null ? String(rule.minHours) : form.minHours,
    verbs: (rule?.verbs ?? []).join('\n'),
    requireSuccess: rule?.requireSuccess ?? false,
    requireCompletion: rule?.requireCompletion ?? false,
    everyActivity: rule?.activityMatch === 'ALL',
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** A number the user typed, or null when empty; NaN stays NaN so the server names the field. */
function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim().replace(/,/g, ''));
}

/** The API input of the form: the completion preset becomes its rule, yearly figures only for scheduled years. */
export function formToInput(form: CourseForm): PlanCourseInput {
  const activityIds = lines(form.activityIds);
  const completion = (() => {
    switch (form.preset) {
      case 'ELEARNING_PASSED':
        return { verbs: [VERBS.passed], requireSuccess: true, requireCompletion: false, minScaledScore: numberOrNull(form.minScaledScore), minHours: null, activityMatch: 'ANY' as const };
      case 'CLASSROOM_ATTENDED':
        return { verbs: [VERBS.attended], requireSuccess: false, requireCompletion: false, minScaledScore: null, minHours: numberOrNull(form.minHours), activityMatch: 'ANY' as const };
      case 'COMPLETED':
        return { verbs: [VERBS.completed], requireSuccess: false, requireCompletion: true, minScaledScore: null, minHours: null, activityMatch: 'ANY' as const };
      case 'CUSTOM':
        return {
          verbs: lines(form.verbs),
          requireSuccess: form.requireSuccess,
          requireCompletion: form.requireCompletion,
          minScaledScore: numberOrNull(form.minScaledScore),
          minHours: numberOrNull(form.minHours),
          activityMatch: form.everyActivity ? ('ALL' as const) : ('ANY' as const),
        };
      default:
        return null;
    }
  })();
  const years = [...form.fiscalYears].sort();
  return {
    key: form.key,
    titleTh: form.titleTh.trim(),
    titleEn: form.titleEn.trim() || null,
    description: form.description.trim() || null,
    category: form.category || null,
    competencyCodes: form.competencyCodes,
    methods: form.methods,
    provider: form.providerKind ? { kind: form.providerKind, name: form.providerName.trim() || null } : null,
    target: {
      allStaff: form.allStaff,
      targetGroups: form.allStaff ? [] : form.targetGroups,
      positionTypes: form.allStaff ? [] : form.positionTypes,
      linesOfWork: form.allStaff ? [] : lines(form.linesOfWork),
      divisionIds: form.allStaff ? [] : form.divisionIds,
      staffIds: form.allStaff ? [] : form.staff.map((person) => person.id),
      description: form.targetDescription.trim() || null,
    },
    schedule: years.length > 0 || form.months.length > 0 ? { fiscalYears: years, months: [...form.months].sort((a, b) => a - b), note: form.scheduleNote.trim() || null } : null,
    // A year without a budget typed is left out, so the plan's gaps say it is missing rather than 0 baht.
    yearly: years.flatMap((year) => {
      const budget = numberOrNull(form.yearly[year]?.budget ?? '');
      return budget === null ? [] : [{ fiscalYear: year, plannedParticipants: numberOrNull(form.yearly[year]?.participants ?? '') ?? 0, budget }];
    }),
    xapi: completion ? { activityIds, completion } : null,
  };
}
