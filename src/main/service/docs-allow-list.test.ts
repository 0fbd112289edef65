import { describe, expect, it } from 'vitest';
import { isAllowedDocsUrl } from './docs-allow-list';

describe('isAllowedDocsUrl', () => {
  it.each([
    'https://docs.docker.com/reference/cli/docker/image/rm/',
    'https://docs.podman.io/en/latest/',
    'https://github.com/reclaim-app/reclaim/issues',
    'https://github.com/reclaim-app/reclaim',
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
    'https://github.com/reclaim-app/reclaimer-evil/releases',
    'https://github.com/reclaim-app/reclaim-evil',
    'https://github.com/reclaimer/reclaim',
    'https://github.com/reclaim-app/reclaim/../../evil/repo',
    'https://github.com/reclaim',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedDocsUrl(url)).toBe(false);
  });
});
