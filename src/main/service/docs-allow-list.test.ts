import { describe, expect, it } from 'vitest';
import { isAllowedDocsUrl } from './docs-allow-list';

describe('isAllowedDocsUrl', () => {
  it.each([
    'https://docs.docker.com/reference/cli/docker/image/rm/',
    'https://docs.podman.io/en/latest/',
    'https://github.com/reclaim-app/reclaim/issues',
  ])('allows %s', (url) => {
    expect(isAllowedDocsUrl(url)).toBe(true);
  });

  it.each([
    'http://docs.docker.com/',
    'https://docs.docker.com.evil.example/',
    'https://evil.example/?https://docs.docker.com/',
    'https://user:pw@docs.docker.com/',
    'https://docs.docker.com:8443/',
    'https://github.com/someone-else/repo',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedDocsUrl(url)).toBe(false);
  });
});
