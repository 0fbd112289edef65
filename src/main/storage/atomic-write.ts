import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `text` to `filePath` through a unique temporary file, readable by the user only,
 * flushed to disk, then renamed: a crash mid-write never leaves a half-written file, and two
 * processes writing at once never write into each other's temporary file.
 */
export async function writeFileAtomically(filePath: string, text: string): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.${randomUUID()}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, filePath);
  await chmod(filePath, 0o600);
}
