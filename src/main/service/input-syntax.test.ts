import { describe, expect, it } from 'vitest';
import { ReclaimFailure, type ReclaimError } from '../../shared/errors';
import type { PruneOptions } from '../../shared/plan';
import { checkPruneSyntax, checkReferenceSyntax } from './input-syntax';

function refusalOf(check: () => void): ReclaimError | null {
  try {
    check();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ReclaimFailure);
    return (error as ReclaimFailure).error;
  }
}

function codeOf(check: () => void): string | null {
  return refusalOf(check)?.code ?? null;
}

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('checkReferenceSyntax', () => {
  it.each([
    'redis',
    'redis:alpine',
    'docker.io/library/redis:latest',
    '127.0.0.1:5000/team/app:1',
    `team/app@${DIGEST}`,
    '501',
    DIGEST,
    'ab'.repeat(32),
  ])('lets %s through to the inventory', (input) => {
    expect(codeOf(() => checkReferenceSyntax(input))).toBeNull();
  });

  it.each(['Redis:1', 'a b', 'redis:', 'team/app@sha256:12', ':tag'])(
    'refuses %s as INVALID_REFERENCE',
    (input) => {
      expect(codeOf(() => checkReferenceSyntax(input))).toBe('INVALID_REFERENCE');
    },
  );
});

describe('checkPruneSyntax', () => {
  it('accepts the filters the engine accepts', () => {
    expect(
      codeOf(() =>
        checkPruneSyntax({
          all: true,
          until: '1h30m',
          label: ['team', 'team=a'],
          labelNot: ['keep='],
          reference: ['*:latest', 'team/*'],
          repository: 'redis',
          before: 'redis:alpine',
          since: '501',
        }),
      ),
    ).toBeNull();
    expect(codeOf(() => checkPruneSyntax({ all: false, until: '2024-01-31' }))).toBeNull();
  });

  it.each([
    [
      { all: true, until: '3d' },
      { cause: 'until-invalid', subject: '3d' },
    ],
    [
      { all: true, label: ['=x'] },
      { cause: 'label-without-key', values: { filter: 'label' } },
    ],
    [
      { all: false, labelNot: ['ok', '=x'] },
      { cause: 'label-without-key', subject: '=x', values: { filter: 'label!' } },
    ],
    [{ all: true, reference: ['team/['] }, { cause: 'pattern-invalid' }],
    [{ all: true, repository: '\\' }, { cause: 'pattern-invalid' }],
    [
      { all: true, before: 'Redis' },
      { cause: 'anchor-not-found', values: { filter: 'before' } },
    ],
    [
      { all: true, since: 'a b' },
      { cause: 'anchor-not-found', subject: 'a b' },
    ],
  ] satisfies [PruneOptions, Partial<ReclaimError>][])(
    'refuses %j as INVALID_FILTER with its cause',
    (options, facts) => {
      expect(refusalOf(() => checkPruneSyntax(options))).toMatchObject({
        code: 'INVALID_FILTER',
        ...facts,
      });
    },
  );
});
