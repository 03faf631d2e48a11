/** userErrors by the last part of their field path (input.nameTh → nameTh), for showing next to that field. */
export function byField(errors: ReadonlyArray<{ field: ReadonlyArray<string>; message: string }>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const key = error.field[error.field.length - 1] ?? '';
    result[key] = result[key] ? `${result[key]}; ${error.message}` : error.message;
  }
  return result;
}
