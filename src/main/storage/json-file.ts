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

/**
 * One file's saves, one after another: two quick saves cannot interleave their writes, and
 * the last one asked for is what the file holds.
 */
export class SerialFileWriter {
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  save(text: string): Promise<void> {
    const write = (): Promise<void> => writeFileAtomically(this.filePath, text);
    this.saving = this.saving.then(write, write);
    return this.saving;
  }
}

/** The JSON in `text`, or undefined when it is not JSON (a damaged file). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
