import type { TypedDocumentString } from '../gql/graphql';
import { apiFetch } from './http';

export interface GraphQlErrorEntry {
  message: string;
  path?: Array<string | number>;
  extensions?: { classification?: string; code?: string };
}

/** A GraphQL call that answered with errors: the first one's message and code (NOT_FOUND, FORBIDDEN, …). */
export class GraphQlError extends Error {
  readonly code: string | null;

  constructor(readonly errors: GraphQlErrorEntry[]) {
    super(errors[0]?.message ?? 'GraphQL error');
    this.name = 'GraphQlError';
    this.code = errors[0]?.extensions?.code ?? errors[0]?.extensions?.classification ?? null;
  }
}

/** Runs a typed operation over HTTP POST /graphql with the console's authentication. */
export async function runGraphQl<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables?: Variables,
): Promise<Result> {
  const response = await apiFetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  const body = (await response.json()) as { data?: Result; errors?: GraphQlErrorEntry[] };
  if (body.errors && body.errors.length > 0) {
    throw new GraphQlError(body.errors);
  }
  return body.data as Result;
}
