import { describe, expect, it } from 'vitest';
import { errorOf } from './http';

function response(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('errorOf', () => {
  it('reads the sign-in API shape {"error":{"code","message"}}', async () => {
    const error = await errorOf(response(423, { error: { code: 'ACCOUNT_LOCKED', message: 'locked', lockedUntil: '2026-12-06T10:00:00Z' } }));
    expect(error.status).toBe(423);
    expect(error.code).toBe('ACCOUNT_LOCKED');
    expect(error.message).toBe('locked');
  });

  it('reads the file endpoints shape {"error":"…","code":"…"}', async () => {
    const error = await errorOf(response(404, { error: 'plan not found', code: 'NOT_FOUND' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('plan not found');
  });

  it('reads a GraphQL refusal', async () => {
    const error = await errorOf(response(401, { errors: [{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }] }));
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
