import { vi } from 'vitest';

/** A fake of the server for component tests: answers by HTTP method + path, or by GraphQL operation name. */
export interface FakeCall {
  method: string;
  path: string;
  operation: string | null;
  variables: Record<string, unknown> | null;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> } | ((call: FakeCall) => { status?: number; body?: unknown });

export class FakeServer {
  readonly calls: FakeCall[] = [];
  private readonly routes = new Map<string, Answer>();

  /** Answer `METHOD /path` (path without query). */
  on(method: string, path: string, answer: Answer): this {
    this.routes.set(`${method} ${path}`, answer);
    return this;
  }

  /** Answer a GraphQL operation by name with `{ data }` (or a function of the call). */
  graphql(operation: string, data: object | ((call: FakeCall) => object)): this {
    this.routes.set(`GRAPHQL ${operation}`, (call) => ({ body: { data: typeof data === 'function' ? (data as (c: FakeCall) => unknown)(call) : data } }));
    return this;
  }

  install(): this {
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => this.handle(String(input), init)));
    return this;
  }

  operations(): string[] {
    return this.calls.map((c) => c.operation).filter((o): o is string => o !== null);
  }

  private async handle(url: string, init: RequestInit): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0];
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    let body: unknown = init.body ?? null;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    let operation: string | null = null;
    let variables: Record<string, unknown> | null = null;
    if (path === '/graphql' && body && typeof body === 'object' && 'query' in body) {
      const query = String((body as { query: string }).query);
      operation = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1] ?? null;
      variables = (body as { variables?: Record<string, unknown> }).variables ?? null;
    }
    const call: FakeCall = { method, path, operation, variables, headers, body };
    this.calls.push(call);
    const answer = this.routes.get(operation ? `GRAPHQL ${operation}` : `${method} ${path}`);
    if (!answer) {
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no fake for ${method} ${path} ${operation ?? ''}` } }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const resolved = typeof answer === 'function' ? answer(call) : answer;
    const status = resolved.status ?? 200;
    if (status === 204) {
      return new Response(null, { status });
    }
    return new Response(JSON.stringify(resolved.body ?? {}), { status, headers: { 'Content-Type': 'application/json' } });
  }
}
