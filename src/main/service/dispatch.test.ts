import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { reclaimError, ReclaimFailure } from '../../shared/errors';
import { dispatch } from './dispatch';
import { METHOD_CASES } from './method-cases.fixture';
import type { ServiceMethods } from './service-api';

/** A service whose every method records its call and resolves to a marker value. */
function recordingService(): ServiceMethods & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const service = { calls } as unknown as ServiceMethods & { calls: [string, unknown[]][] };
  for (const name of METHOD_NAMES) {
    (service as unknown as Record<string, unknown>)[name] = vi.fn(async (...args: unknown[]) => {
      calls.push([name, args]);
      return `result of ${name}`;
    });
  }
  return service;
}

describe('dispatch', () => {
  for (const name of METHOD_NAMES) {
    const cases = METHOD_CASES[name];

    it(`${name}: well-formed arguments reach the service and come back as an Outcome`, async () => {
      const service = recordingService();
      const outcome = await dispatch(service, name, cases.valid);
      expect(outcome).toEqual({ ok: true, value: `result of ${name}` });
      expect(service.calls).toEqual([[name, cases.valid]]);
    });

    it(`${name}: each malformed argument list is a VALIDATION error and never reaches the service`, async () => {
      expect(cases.malformed.length).toBeGreaterThan(0);
      for (const malformed of cases.malformed) {
        const service = recordingService();
        const outcome = await dispatch(service, name, malformed);
        expect(outcome.ok, JSON.stringify(malformed)).toBe(false);
        if (!outcome.ok) expect(outcome.error.code).toBe('VALIDATION');
        expect(service.calls).toEqual([]);
      }
    });
  }

  it('refuses a name that is not a contract method', async () => {
    const service = recordingService();
    const outcome = await dispatch(service, 'constructor', []);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'VALIDATION', cause: 'unknown-method', subject: 'constructor' },
    });
    expect(service.calls).toEqual([]);
  });

  it('names the method whose arguments are malformed, with the schema words as detail', async () => {
    const outcome = await dispatch(recordingService(), 'resolveReference', [42]);
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        cause: 'malformed-arguments',
        values: { method: 'resolveReference' },
        detail: expect.any(String),
      },
    });
  });

  it('names a bad protected pattern or label and says how to write it', async () => {
    const service = recordingService();
    const pattern = await dispatch(service, 'updateSettings', [
      { protectedPatterns: ['redis:*', 'postgres:['] },
    ]);
    expect(pattern).toEqual({
      ok: false,
      error: { code: 'VALIDATION', cause: 'protected-pattern-invalid', subject: 'postgres:[' },
    });
    const label = await dispatch(service, 'updateSettings', [{ protectedLabel: '=x' }]);
    expect(label).toEqual({
      ok: false,
      error: { code: 'VALIDATION', cause: 'protected-label-without-key', subject: '=x' },
    });
    expect(service.calls).toEqual([]);
  });

  it('passes a thrown ReclaimError through intact', async () => {
    const service = recordingService();
    const error = reclaimError('NOT_CONNECTED', { cause: 'not-connected-yet' });
    service.getDiskUsage = async () => {
      throw new ReclaimFailure(error);
    };
    expect(await dispatch(service, 'getDiskUsage', [])).toEqual({ ok: false, error });
  });

  it('turns an unexpected exception into INTERNAL with its message as detail', async () => {
    const service = recordingService();
    service.getInventory = async () => {
      throw new TypeError('boom');
    };
    expect(await dispatch(service, 'getInventory', [])).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', cause: 'unexpected', detail: 'boom' },
    });
  });
});
