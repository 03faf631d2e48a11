import { upload } from '../api/files';
import { ApiError } from '../api/http';
import type { RowProblem } from '../staff/rowProblems';
import { errorText } from './components';

export type ImportOutcome =
  | { kind: 'imported'; created: number; updated: number }
  | { kind: 'refused'; rows: RowProblem[] }
  | { kind: 'failed'; message: string };

/**
 * Uploads a file to an import endpoint (roster, register): imported with counts, refused with the
 * problems row by row (422 `rows`), or failed with the server's message.
 */
export async function importFile(path: string, file: File): Promise<ImportOutcome> {
  try {
    return { kind: 'imported', ...(await upload<{ created: number; updated: number }>(path, file)) };
  } catch (error) {
    const rows = error instanceof ApiError ? (error.body as { rows?: RowProblem[] } | null)?.rows : undefined;
    return rows ? { kind: 'refused', rows } : { kind: 'failed', message: errorText(error) };
  }
}
