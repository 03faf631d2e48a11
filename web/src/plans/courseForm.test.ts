import { describe, expect, it } from 'vitest';
import { courseToForm, emptyCourse, formToInput, presetOf, VERBS, type EditedCourse } from './courseForm';

const stored: EditedCourse = {
  key: 'e-learning-law',
  titleTh: 'กฎหมายที่เกี่ยวข้องกับการปฏิบัติราชการ',
  titleEn: null,
  description: null,
  category: 'BASIC_GOVERNMENT_KNOWLEDGE',
  competencyCodes: ['K02'],
  methods: ['E_LEARNING'],
  provider: { kind: 'NATIONAL_OFFICE', name: null },
  target: { allStaff: false, targetGroups: ['NEWLY_APPOINTED'], positionTypes: [], linesOfWork: ['นักทรัพยากรบุคคล'], divisionIds: [], staffIds: ['org/s1'], description: null },
  schedule: { fiscalYears: [2570, 2571], months: [11, 2], note: null },
  yearly: [
    { fiscalYear: 2570, plannedParticipants: 12, budget: 0 },
    { fiscalYear: 2571, plannedParticipants: 10, budget: 5000 },
  ],
  totalBudget: 5000,
  xapi: {
    activityIds: ['https://lms.example/course/law'],
    completion: { verbs: [VERBS.passed], activityMatch: 'ANY', requireSuccess: true, requireCompletion: false, minScaledScore: 0.7, minHours: null },
  },
};

describe('the course form', () => {
  it('reads a stored e-Learning course as the preset it was made with and writes it back unchanged', () => {
    const form = courseToForm(stored, { 'org/s1': 'นายสมชาย ใจดี' });
    expect(form.preset).toBe('ELEARNING_PASSED');
    expect(form.minScaledScore).toBe('0.7');
    expect(form.staff).toEqual([{ id: 'org/s1', name: 'นายสมชาย ใจดี' }]);
    const input = formToInput(form);
    expect(input.xapi).toEqual({
      activityIds: ['https://lms.example/course/law'],
      completion: { verbs: [VERBS.passed], requireSuccess: true, requireCompletion: false, minScaledScore: 0.7, minHours: null, activityMatch: 'ANY' },
    });
    expect(input.schedule).toEqual({ fiscalYears: [2570, 2571], months: [2, 11], note: null });
    expect(input.yearly).toEqual([
      { fiscalYear: 2570, plannedParticipants: 12, budget: 0 },
      { fiscalYear: 2571, plannedParticipants: 10, budget: 5000 },
    ]);
    expect(input.target?.linesOfWork).toEqual(['นักทรัพยากรบุคคล']);
  });

  it('turns the classroom preset into attended for at least the hours typed', () => {
    const form = { ...emptyCourse(), titleTh: 'อบรม', preset: 'CLASSROOM_ATTENDED' as const, minHours: '12', activityIds: 'https://x.example/a\n' };
    expect(formToInput(form).xapi?.completion).toMatchObject({ verbs: [VERBS.attended], minHours: 12, minScaledScore: null, requireSuccess: false });
  });

  it('leaves out a scheduled year whose budget is not typed, so the plan says it is missing', () => {
    const form = { ...emptyCourse(), titleTh: 'อบรม', fiscalYears: [2571, 2570], yearly: { 2570: { participants: '5', budget: '1,000' }, 2571: { participants: '', budget: '' } } };
    const input = formToInput(form);
    expect(input.yearly).toEqual([{ fiscalYear: 2570, plannedParticipants: 5, budget: 1000 }]);
    expect(input.schedule?.fiscalYears).toEqual([2570, 2571]);
  });

  it('names everything else a custom rule, and no xAPI at all when counted by hand', () => {
    expect(presetOf({ verbs: [VERBS.completed, VERBS.passed], requireSuccess: true, requireCompletion: true, minScaledScore: 0.6, minHours: null, activityMatch: 'ANY' })).toBe('CUSTOM');
    expect(presetOf({ verbs: [VERBS.passed], requireSuccess: true, requireCompletion: false, minScaledScore: 0.6, minHours: null, activityMatch: 'ALL' })).toBe('CUSTOM');
    expect(formToInput({ ...emptyCourse(), titleTh: 'สอนงาน' }).xapi).toBeNull();
  });

  it('clears the target criteria when the course is for all staff', () => {
    const form = { ...emptyCourse(), titleTh: 'ปฐมนิเทศ', allStaff: true, targetGroups: ['EXPERIENCED' as const], divisionIds: ['d1'] };
    expect(formToInput(form).target).toMatchObject({ allStaff: true, targetGroups: [], divisionIds: [], staffIds: [] });
  });
});
