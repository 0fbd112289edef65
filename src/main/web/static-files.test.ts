import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from './static-files';

describe('static files of the built renderer', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'reclaim-static-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'outside the root');
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves index.html for / and assets with their content type', async () => {
    expect(await readStaticFile(root, '/')).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      relativePath: 'index.html',
    });
    const script = await readStaticFile(root, '/assets/app.js');
    expect(script?.contentType).toBe('text/javascript; charset=utf-8');
    expect(script?.body.toString()).toBe('console.log(1)');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
  ])('never leaves the root: %s', async (pathname) => {
    expect(await readStaticFile(root, pathname)).toBeNull();
  });

  it('answers null for a missing file, a directory and a malformed escape', async () => {
    expect(await readStaticFile(root, '/nope.js')).toBeNull();
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });
});
