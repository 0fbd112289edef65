import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({ privileged: [] as unknown[], handled: [] as string[] }));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.privileged.push(...schemes),
    handle: (scheme: string) => registered.handled.push(scheme),
  },
}));

const { registerAppScheme, respond, serveRendererFrom } = await import('./app-protocol');
const { RENDERER_CSP_HEADER } = await import('./csp');

describe('the app:// protocol', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-protocol-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Reclaim</title>');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('registers app as a standard, secure scheme and handles it', () => {
    registerAppScheme();
    serveRendererFrom(dir);
    expect(registered.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(registered.handled).toEqual(['app']);
  });

  it('serves the renderer with the CSP and nosniff headers', async () => {
    const response = await respond(dir, 'app://reclaim/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Reclaim</title>');
  });

  it('answers 404 for another host and for paths outside the renderer', async () => {
    expect((await respond(dir, 'app://other/index.html')).status).toBe(404);
    expect((await respond(dir, 'app://reclaim/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
