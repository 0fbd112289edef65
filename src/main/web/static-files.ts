import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads files of the built renderer (out/renderer) for the app:// protocol and browser mode.
 * Only files inside `root` are ever served: a request path is decoded, normalised and
 * checked to stay under `root`, so `..` or encoded slashes cannot reach the rest of the disk.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** The path relative to the root, with forward slashes (`index.html`, `assets/x.js`). */
  relativePath: string;
}

/** The file a URL pathname names under `root`, or null when it is outside or not a file. */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = path.resolve(root);
  const candidate = path.resolve(absoluteRoot, relative);
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + path.sep)) return null;
  return candidate;
}

export async function readStaticFile(
  root: string,
  urlPathname: string,
): Promise<StaticFile | null> {
  const filePath = resolveStaticPath(root, urlPathname);
  if (!filePath) return null;
  try {
    if (!(await stat(filePath)).isFile()) return null;
    const body = await readFile(filePath);
    return {
      body,
      contentType:
        CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
      relativePath: path.relative(path.resolve(root), filePath).split(path.sep).join('/'),
    };
  } catch {
    return null;
  }
}
