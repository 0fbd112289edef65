import { describe, expect, it } from 'vitest';
import { removeTokenFromAddress } from './token';

describe('install-browser-api (browser mode)', () => {
  it('installs window.api from ?token= and leaves no token in the address bar or history', async () => {
    window.history.replaceState({ from: 'test' }, '', '/images?view=all&token=s3cret#top');
    expect((window as { api?: unknown }).api).toBeUndefined();

    await import('./install-browser-api');

    expect((window as { api?: unknown }).api).toBeDefined();
    expect(window.location.href).not.toContain('s3cret');
    expect(window.location.pathname).toBe('/images');
    expect(window.location.search).toBe('?view=all');
    expect(window.location.hash).toBe('#top');
    // The same history entry is rewritten, not a new one pushed, and its state is kept.
    expect(window.history.state).toEqual({ from: 'test' });
    expect(window.sessionStorage.getItem('reclaim.token')).toBe('s3cret');
  });
});

describe('removeTokenFromAddress', () => {
  it('leaves an address without a token alone', () => {
    const calls: unknown[] = [];
    removeTokenFromAddress(
      { href: 'http://127.0.0.1:8080/?view=all' },
      { state: null, replaceState: (...args: unknown[]) => calls.push(args) },
    );
    expect(calls).toEqual([]);
  });
});
