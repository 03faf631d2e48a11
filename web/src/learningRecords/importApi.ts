import { ApiError, errorOf, getJson } from '../api/http';
import { acceptLanguage, authHeaders } from '../api/credentials';

export type ImportSource = 'DLA_ELEARNING' | 'OCSC_LEARNING_PORTAL' | 'ATTENDANCE_SHEET';

export type ImportProblem = { row: number; column: string; field: string; code: string; message: string };

export type ImportRecord = {
  row: number;
  staffNumber: string;
  name: string;
  course: string;
  date: string;
  verb: string;
  hours: number | null;
  score: number | null;
  status: 'NEW' | 'ALREADY_IMPORTED' | 'DUPLICATE';
};

/** The answer of POST /api/learning-records/import (a preview, a confirmation, or a refused confirmation). */
export type ImportAnswer = {
  mode: 'preview' | 'confirm';
  source: string;
  sha256: string;
  rows: number;
  toWrite: number;
  alreadyImported: number;
  duplicates: number;
  written: number;
  refused: boolean;
  problems: ImportProblem[];
  records: ImportRecord[];
};

export type Presets = { sources: { source: string; label: string; columns: Record<string, string[]> }[] };

export function presets(): Promise<Presets> {
  return getJson<Presets>('/api/learning-records/import/presets');
}

/**
 * Sends the list for a preview or a confirmation. A refused confirmation (422) still answers with
 * its problems, so it is returned, not thrown; other failures throw ApiError.
 */
export async function sendList(file: File, source: ImportSource, course: string, mode: 'preview' | 'confirm'): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('source', source);
  form.append('mode', mode);
  if (course.trim()) {
    form.append('course', course.trim());
  }
  form.append('file', file, file.name);
  const response = await fetch('/api/learning-records/import', {
    method: 'POST',
    body: form,
    headers: { ...authHeaders('POST'), 'Accept-Language': acceptLanguage() },
    credentials: 'same-origin',
  });
  if (response.status === 422) {
    return (await response.json()) as ImportAnswer;
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()) as ImportAnswer;
}

export { ApiError };

/** The last segment of an ADL verb IRI: passed, failed, completed, attended. */
export function verbName(iri: string): string {
  return iri.substring(iri.lastIndexOf('/') + 1);
}
