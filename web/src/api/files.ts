import { apiFetch, ApiError, errorOf } from './http';
import { acceptLanguage, authHeaders } from './credentials';

/** The file name a Content-Disposition header gives (RFC 6266, filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) {
    return fallback;
  }
  const extended = /filename\*=(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    return decodeURIComponent(extended[1].trim());
  }
  const plain = /filename="?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/**
 * Downloads a file endpoint with the console's authentication (a plain link could not carry a
 * bearer token) and hands it to the browser as a download. Returns the file name.
 */
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await apiFetch(path);
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  saveBlob(blob, name);
  return name;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads one file as multipart/form-data in the field `file`; returns the JSON answer, or throws ApiError. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(path, {
    method: 'POST',
    body: form,
    headers: { ...authHeaders('POST'), 'Accept-Language': acceptLanguage() },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()) as T;
}

export { ApiError };
