import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../shared/errors';
import { checkPruneSyntax, checkReferenceSyntax } from './input-syntax';

function codeOf(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ReclaimFailure);
    return (error as ReclaimFailure).error.code;
  }
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
    { all: true, until: '3d' },
    { all: true, label: ['=x'] },
    { all: false, labelNot: ['ok', '=x'] },
    { all: true, reference: ['team/['] },
    { all: true, repository: '\\' },
    { all: true, before: 'Redis' },
    { all: true, since: 'a b' },
  ])('refuses %j as INVALID_FILTER', (options) => {
    expect(codeOf(() => checkPruneSyntax(options))).toBe('INVALID_FILTER');
  });
});
