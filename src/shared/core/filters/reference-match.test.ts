import { describe, expect, it } from 'vitest';
import { referenceMatcher } from './reference-match';

describe('reference= filter', () => {
  it('matches the familiar name:tag or the familiar name', () => {
    expect(referenceMatcher(['redis'])(['redis:alpine'])).toBe(true);
    expect(referenceMatcher(['*:latest'])(['redis:latest'])).toBe(true);
    expect(referenceMatcher(['*:latest'])(['redis:alpine', 'nginx:latest'])).toBe(true);
    expect(referenceMatcher(['docker.io/library/redis'])(['redis:alpine'])).toBe(false);
    expect(referenceMatcher(['team/*'])(['team/app:1'])).toBe(true);
    expect(referenceMatcher(['127.0.0.1:5000/*/*'])(['127.0.0.1:5000/team/app:1'])).toBe(true);
  });

  it('matches digest references too, and nothing for an unnamed image', () => {
    const digest = `app@sha256:${'ab'.repeat(32)}`;
    expect(referenceMatcher(['app'])([digest])).toBe(true);
    expect(referenceMatcher(['*'])([])).toBe(false);
  });
});
