import type { IdpPlanFragment, IndividualPlanItemInput } from '../gql/graphql';

export type IdpItem = IdpPlanFragment['items'][number];

export interface UserErrorLike {
  field: string[];
  message: string;
  code: string;
}

/** An item of the plan as the update mutation takes it back (a course by its key, another activity by its IRIs and title). */
export function itemInput(item: IdpItem): IndividualPlanItemInput {
  return item.kind === 'COURSE'
    ? { competencyCode: item.competencyCode ?? null, courseKey: item.courseKey, targetDate: item.targetDate, note: item.note ?? null }
    : {
        competencyCode: item.competencyCode ?? null,
        activityIds: item.activityIds,
        titleTh: item.titleTh,
        targetDate: item.targetDate,
        note: item.note ?? null,
      };
}

/** The IRIs written one per line (blank lines and spaces around them dropped). */
export function iriLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The messages of userErrors about one input field, e.g. `items.2.targetDate` for the new item at index 2
 * (the server names fields under `input`). `prefix` also takes errors of the field's parts (`items.2.activityIds.0`).
 */
export function errorsAt(errors: UserErrorLike[], path: string, prefix = false): string[] {
  const wanted = `input.${path}`;
  return errors
    .filter((error) => {
      const field = error.field.join('.');
      return field === wanted || (prefix && field.startsWith(`${wanted}.`));
    })
    .map((error) => error.message);
}
