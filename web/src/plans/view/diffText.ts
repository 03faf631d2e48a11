import type { Formats } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';

/** A dotted diff path (e.g. yearly.2572.budget, schedule.months) for people: งบประมาณ (บาท) ปี 2572. */
export function fieldLabel(path: string, m: Messages, f: Formats): string {
  const names = m.review.diff.fieldName;
  const parts = path.split('.');
  const year = parts.find((part) => /^\d{4}$/.test(part));
  const words = parts.filter((part) => part !== year);
  const last = words[words.length - 1] ?? path;
  const name = names[last] ?? (words.length > 0 ? words.map((word) => names[word] ?? word).join(' › ') : path);
  return year ? m.review.diff.inYear(name, f.year(Number(year))) : name;
}

/** A diff value (JSON, strings quoted, null when absent) in words, with enum values and months in Thai. */
export function valueText(json: string | null | undefined, path: string, m: Messages, f: Formats): string {
  if (json === null || json === undefined) {
    return m.review.diff.none;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  const last = path.split('.').filter((part) => !/^\d{4}$/.test(part)).pop() ?? '';
  return words(value, last, m, f);
}

function words(value: unknown, field: string, m: Messages, f: Formats): string {
  const d = m.review.doc;
  if (value === null || value === undefined || value === '') {
    return m.review.diff.none;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? m.review.diff.none : value.map((item) => words(item, field, m, f)).join(', ');
  }
  if (typeof value === 'number') {
    if (field === 'months' && value >= 1 && value <= 12) {
      return d.shortMonths[value - 1];
    }
    if (field === 'fiscalYears' || field === 'fiscalYear') {
      return f.year(value);
    }
    return Number.isInteger(value) ? f.integer(value) : f.number(value);
  }
  if (typeof value === 'boolean') {
    return value ? m.app.yes : m.app.no;
  }
  if (typeof value === 'string') {
    const named = field === 'category' ? d.category[value] : field === 'methods' || field === 'methodsUsed' ? d.methodName[value]
      : field === 'role' ? d.roleName[value] : field === 'phase' ? d.phaseName[value] : undefined;
    return named ?? value;
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${m.review.diff.fieldName[k] ?? k}: ${words(v, k, m, f)}`)
    .join('; ');
}
