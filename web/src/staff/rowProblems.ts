import type { Messages } from '../i18n/messages';

/** One problem of a refused import file, as the server reports it (422 `rows`). */
export interface RowProblem {
  row: number;
  /** The column's Thai header; empty for a problem of the whole file or row. */
  column: string;
  /** The column's English key (staff) or the field name (register). */
  field?: string;
  /** A stable code (REQUIRED, INVALID, DUPLICATE, NOT_FOUND, …), when the server gives one. */
  code?: string;
  /** The server's own explanation (English). */
  message: string;
}

const IDENTITY_FIELDS = new Set(['email', 'accountHomePage', 'accountName']);

/** What is wrong, in the reader's language, from the problem's column and code. */
export function rowProblemText(problem: RowProblem, m: Messages): string {
  const texts = m.rowProblems;
  const field = problem.field ?? problem.column;
  const code = problem.code ?? 'OTHER';
  if (field === 'citizenId' && code === 'INVALID') return texts.citizenIdInvalid;
  if (field === 'division' && code === 'NOT_FOUND') return texts.divisionNotFound;
  if (field === 'staffNumber' && code === 'DUPLICATE_IN_FILE') return texts.staffNumberDuplicate;
  if (IDENTITY_FIELDS.has(field) && code === 'DUPLICATE') return texts.identityTaken;
  const byCode = texts as unknown as Record<string, string>;
  return byCode[code] ?? texts.OTHER;
}
