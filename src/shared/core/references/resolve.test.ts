import { describe, expect, it } from 'vitest';
import { ReclaimFailure, type ErrorCode } from '../../errors';
import { inventory, sha } from '../../testing/inventory-builders';
import { resolveReference } from './resolve';

const digest = `sha256:${'d1'.repeat(32)}`;
const inv = inventory([
  { id: sha('501ad7'), tags: ['redis:alpine', 'redis:latest'], layers: [['sha256:l1', 10]] },
  {
    id: sha('5017'),
    tags: ['127.0.0.1:5000/team/app:1'],
    digests: [`127.0.0.1:5000/team/app@${digest}`],
    layers: [['sha256:l2', 10]],
  },
  { id: sha('abc'), tags: [], layers: [['sha256:l3', 10]] },
]);

function failure(
  input: string,
  store: 'classic' | 'containerd' = 'classic',
): { code: ErrorCode; candidates?: string[] } {
  const target = { ...inv, engine: { ...inv.engine, imageStore: store } };
  try {
    resolveReference(target, input);
  } catch (error) {
    if (error instanceof ReclaimFailure)
      return { code: error.error.code, candidates: error.error.candidates };
    throw error;
  }
  throw new Error(`${input} resolved`);
}

describe('resolveReference', () => {
  it('resolves a unique short ID prefix of any length on the classic store', () => {
    expect(resolveReference(inv, 'a')).toMatchObject({
      kind: 'short-id',
      imageId: sha('abc'),
      reference: null,
    });
    expect(resolveReference(inv, '501a')).toMatchObject({
      kind: 'short-id',
      imageId: sha('501ad7'),
    });
    expect(resolveReference(inv, 'sha256:501a').imageId).toBe(sha('501ad7'));
  });

  it('resolves a full ID with or without sha256:', () => {
    expect(resolveReference(inv, sha('abc'))).toMatchObject({
      kind: 'full-id',
      imageId: sha('abc'),
    });
    expect(resolveReference(inv, sha('abc').slice(7))).toMatchObject({ kind: 'full-id' });
  });

  it('resolves name:tag in familiar and fully qualified forms, latest by default', () => {
    expect(resolveReference(inv, 'redis')).toMatchObject({
      kind: 'name-tag',
      reference: 'redis:latest',
      imageId: sha('501ad7'),
    });
    expect(resolveReference(inv, 'docker.io/library/redis:alpine').reference).toBe('redis:alpine');
    expect(resolveReference(inv, '127.0.0.1:5000/team/app:1').imageId).toBe(sha('5017'));
  });

  it('resolves name@digest', () => {
    expect(resolveReference(inv, `127.0.0.1:5000/team/app@${digest}`)).toMatchObject({
      kind: 'digest',
      imageId: sha('5017'),
      reference: `127.0.0.1:5000/team/app@${digest}`,
    });
  });

  it('lists the candidates of an ambiguous prefix', () => {
    expect(failure('501')).toEqual({
      code: 'AMBIGUOUS_REFERENCE',
      candidates: [sha('501ad7'), sha('5017')],
    });
  });

  it('refuses fewer than 4 characters on the containerd store', () => {
    expect(failure('abc', 'containerd').code).toBe('INVALID_REFERENCE');
    expect(
      resolveReference({ ...inv, engine: { ...inv.engine, imageStore: 'containerd' } }, 'abca')
        .imageId,
    ).toBe(sha('abc'));
  });

  it('says NOT_FOUND for names and IDs that exist nowhere', () => {
    expect(failure('redis:7').code).toBe('NOT_FOUND');
    expect(failure('fff').code).toBe('NOT_FOUND');
    expect(failure(`nginx@${digest}`).code).toBe('NOT_FOUND');
  });

  it('refuses malformed input before looking anything up', () => {
    expect(failure('Redis:1').code).toBe('INVALID_REFERENCE');
    expect(failure('   ').code).toBe('INVALID_REFERENCE');
    expect(failure('redis:1:2').code).toBe('INVALID_REFERENCE');
  });
});
